#!/usr/bin/env python3
"""Trains the accurate tier's tagger (issue #36): a BiLSTM-CRF over word vectors, a character CNN, word classes
and the perceptron's indicator features, on the inputs `extractor-neural dump` writes. Maintainer tool, run with
Debian's python3 and python3-torch 1.13; never on the run-time path. Writes the weights for `extractor-neural pack`
and reference outputs that the C# forward pass is tested against. Command in models/README.md."""
import argparse, json, random, struct, sys, time
import numpy as np
import torch
import torch.nn as nn

TAGS = ["O"] + [p + "-" + l for l in ("PER", "ORG", "LOC", "MISC") for p in "BILU"]
TAG = {t: i for i, t in enumerate(TAGS)}
DENSE = 41          # NeuralInputs.DenseCount
MAX_CHARS = 20      # characters of a word the CNN reads (its first 20)


def allowed(a, b):
    """BILOU: which tag may follow which (TagSet.Allowed in the library)."""
    pa, la = (TAGS[a][0], TAGS[a][2:]) if a else ("O", "")
    pb, lb = (TAGS[b][0], TAGS[b][2:]) if b else ("O", "")
    if pa in "BI":
        return pb in "IL" and la == lb
    return pb in "OBU"


def start_ok(b): return TAGS[b][0] in "OBU"
def end_ok(a): return TAGS[a][0] in "OLU"


def read_dump(path):
    """The sentences of a dump, and the size of the class table its first line gives."""
    sentences, cur, classes = [], [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#classes "):
                classes = int(line.split()[1])
                continue
            if line == "#doc":
                continue
            if not line:
                if cur:
                    sentences.append(cur)
                cur = []
                continue
            norm, word, tag, cls, phr, act = line.split("\t")
            cur.append((norm, word, TAG[tag], int(cls), int(phr), [int(a) for a in act.split(",")] if act else []))
    if cur:
        sentences.append(cur)
    return sentences, classes


def read_vectors(path, limit):
    """The first `limit` words of a fastText .vec (most frequent first), each row stored as int8 times a scale, as
    the model file keeps them; training reads the same rounded values the C# tagger will."""
    with open(path, encoding="utf-8", errors="strict") as f:
        count, dim = map(int, f.readline().split())
        words, rows = [], []
        for line in f:
            if len(words) >= limit:
                break
            parts = line.rstrip(" \n").split(" ")
            if len(parts) != dim + 1:
                continue
            words.append(parts[0])
            rows.append(np.asarray(parts[1:], dtype=np.float32))
    m = np.stack(rows)
    scale = np.abs(m).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(m / scale[:, None]), -127, 127).astype(np.int8)
    return words, q, scale.astype(np.float32)


class Tagger(nn.Module):
    def __init__(self, vectors, n_chars, n_classes, char_dim, char_filters, class_dim, hidden):
        super().__init__()
        self.words = nn.Embedding.from_pretrained(torch.from_numpy(vectors), freeze=True, padding_idx=0)
        self.chars = nn.Embedding(n_chars, char_dim, padding_idx=0)
        self.conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
        self.classes = nn.Embedding(n_classes, class_dim, padding_idx=0)
        inputs = vectors.shape[1] + char_filters + 2 * class_dim + DENSE
        self.drop = nn.Dropout(0.5)
        self.lstm = nn.LSTM(inputs, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, len(TAGS))
        t = len(TAGS)
        self.trans = nn.Parameter(torch.zeros(t, t))
        self.start = nn.Parameter(torch.zeros(t))
        self.end = nn.Parameter(torch.zeros(t))
        mask = torch.tensor([[0.0 if allowed(a, b) else -1e4 for b in range(t)] for a in range(t)])
        self.register_buffer("trans_mask", mask)
        self.register_buffer("start_mask", torch.tensor([0.0 if start_ok(b) else -1e4 for b in range(t)]))
        self.register_buffer("end_mask", torch.tensor([0.0 if end_ok(a) else -1e4 for a in range(t)]))

    def char_features(self, chars, char_lens):
        # chars: (N, MAX_CHARS); max over each word's own positions only, as the C# pass does.
        e = self.chars(chars).transpose(1, 2)
        c = torch.relu(self.conv(e))
        pos = torch.arange(chars.shape[1]).unsqueeze(0)
        c = c.masked_fill((pos >= char_lens.unsqueeze(1)).unsqueeze(1), float("-inf"))
        return c.max(dim=2).values

    def emissions(self, b):
        B, T = b["words"].shape
        ch = self.char_features(b["chars"].view(B * T, -1), b["char_lens"].view(B * T)).view(B, T, -1)
        x = torch.cat([self.words(b["words"]), ch, self.classes(b["cls"]), self.classes(b["phr"]), b["dense"]], dim=2)
        x = self.drop(x)
        packed = nn.utils.rnn.pack_padded_sequence(x, b["lens"], batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=T)
        return self.out(self.drop(h))

    def transitions(self):
        return self.trans + self.trans_mask, self.start + self.start_mask, self.end + self.end_mask

    def nll(self, em, tags, mask):
        trans, start, end = self.transitions()
        B, T, K = em.shape
        score = start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
        alpha = start.unsqueeze(0) + em[:, 0]
        for t in range(1, T):
            m = mask[:, t]
            step = trans[tags[:, t - 1], tags[:, t]] + em[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
            score = score + step * m
            nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), dim=1) + em[:, t]
            alpha = torch.where(m.unsqueeze(1) > 0, nxt, alpha)
        last = tags.gather(1, (mask.sum(1).long() - 1).unsqueeze(1)).squeeze(1)
        score = score + end[last]
        return (torch.logsumexp(alpha + end.unsqueeze(0), dim=1) - score).sum()

    def decode(self, em, n):
        trans, start, end = [t.detach().numpy() for t in self.transitions()]
        e = em[:n].detach().numpy()
        delta = start + e[0]
        back = []
        for t in range(1, n):
            s = delta[:, None] + trans
            back.append(s.argmax(0))
            delta = s.max(0) + e[t]
        best = [int((delta + end).argmax())]
        for bp in reversed(back):
            best.append(int(bp[best[-1]]))
        return best[::-1]


def spans(tags):
    out, start = set(), None
    for i, t in enumerate(tags):
        name = TAGS[t]
        if name[0] == "U":
            out.add((i, i + 1, name[2:]))
        elif name[0] == "B":
            start = i
        elif name[0] == "L" and start is not None:
            out.add((start, i + 1, name[2:]))
            start = None
        elif name[0] == "O":
            start = None
    return out


class Encoder:
    def __init__(self, vocab, chars, seed_words):
        self.vocab = vocab
        self.chars = chars

    def sentence(self, s):
        n = len(s)
        words = [self.vocab.get(t[0], 0) for t in s]
        chars = np.zeros((n, MAX_CHARS), dtype=np.int64)
        char_lens = np.zeros(n, dtype=np.int64)
        for i, t in enumerate(s):
            w = t[1][:MAX_CHARS]
            char_lens[i] = len(w)
            for j, c in enumerate(w):
                chars[i, j] = self.chars.get(c, 1)
        dense = np.zeros((n, DENSE), dtype=np.float32)
        for i, t in enumerate(s):
            dense[i, t[5]] = 1.0
        return dict(words=words, chars=chars, char_lens=char_lens, cls=[t[3] for t in s], phr=[t[4] for t in s],
                    dense=dense, tags=[t[2] for t in s])


def batch(encoded):
    B, T = len(encoded), max(len(e["words"]) for e in encoded)
    out = dict(words=torch.zeros(B, T, dtype=torch.long), chars=torch.zeros(B, T, MAX_CHARS, dtype=torch.long),
               char_lens=torch.ones(B, T, dtype=torch.long), cls=torch.zeros(B, T, dtype=torch.long),
               phr=torch.zeros(B, T, dtype=torch.long), dense=torch.zeros(B, T, DENSE),
               tags=torch.zeros(B, T, dtype=torch.long), mask=torch.zeros(B, T), lens=torch.zeros(B, dtype=torch.long))
    for i, e in enumerate(encoded):
        n = len(e["words"])
        out["words"][i, :n] = torch.tensor(e["words"])
        out["chars"][i, :n] = torch.from_numpy(e["chars"])
        out["char_lens"][i, :n] = torch.from_numpy(e["char_lens"])
        out["cls"][i, :n] = torch.tensor(e["cls"])
        out["phr"][i, :n] = torch.tensor(e["phr"])
        out["dense"][i, :n] = torch.from_numpy(e["dense"])
        out["tags"][i, :n] = torch.tensor(e["tags"])
        out["mask"][i, :n] = 1
        out["lens"][i] = n
    return out


def evaluate(model, encoded, size=64):
    model.eval()
    gold = pred = right = 0
    with torch.no_grad():
        for k in range(0, len(encoded), size):
            chunk = encoded[k:k + size]
            em = model.emissions(batch(chunk))
            for i, e in enumerate(chunk):
                g, p = spans(e["tags"]), spans(model.decode(em[i], len(e["words"])))
                gold += len(g)
                pred += len(p)
                right += len(g & p)
    return 200.0 * right / max(1, gold + pred)


def export(path, model, words, q, scale, chars, settings, dev_f1):
    """Writes a JSON header (length-prefixed) and the float32 tensors; `extractor-neural pack` reads it."""
    tensors, blobs, offset = [], [], 0
    state = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()
             if k not in ("words.weight", "trans_mask", "start_mask", "end_mask")}
    trans, start, end = [t.detach().numpy().astype(np.float32) for t in model.transitions()]
    state["crf.trans"], state["crf.start"], state["crf.end"] = trans, start, end
    del state["trans"], state["start"], state["end"]
    for name in sorted(state):
        a = np.ascontiguousarray(state[name])
        tensors.append(dict(name=name, shape=list(a.shape), offset=offset))
        blobs.append(a.tobytes())
        offset += a.nbytes
    header = dict(words=words, chars=chars, tensors=tensors, vector_dim=int(q.shape[1]), settings=settings, dev_f1=dev_f1,
                  tags=TAGS, max_chars=MAX_CHARS, dense=DENSE)
    h = json.dumps(header, ensure_ascii=False).encode("utf-8")
    with open(path, "wb") as f:
        f.write(b"XNNW")
        f.write(struct.pack("<i", len(h)))
        f.write(h)
        f.write(q.tobytes())
        f.write(scale.tobytes())
        for b in blobs:
            f.write(b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True, nargs="+")
    ap.add_argument("--dev", required=True)
    ap.add_argument("--vectors", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--reference", help="write the dev set's first sentences' emissions here, for the C# test")
    ap.add_argument("--vocab", type=int, default=200000)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--char-filters", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    random.seed(a.seed); np.random.seed(a.seed); torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    dumps = [read_dump(p) for p in a.train]
    train = [s for d in dumps for s in d[0]]
    dev, classes = read_dump(a.dev)
    if any(d[1] != classes for d in dumps):
        sys.exit("train.py: the dumps were made with different base models")
    words, q, scale = read_vectors(a.vectors, a.vocab)
    vocab = {w: i + 1 for i, w in enumerate(words)}
    vectors = np.zeros((len(words) + 1, q.shape[1]), dtype=np.float32)
    vectors[1:] = q.astype(np.float32) * scale[:, None]
    counts = {}
    for s in train:
        for t in s:
            for c in t[1][:MAX_CHARS]:
                counts[c] = counts.get(c, 0) + 1
    chars = sorted(c for c, n in counts.items() if n >= 2)
    char_ids = {c: i + 2 for i, c in enumerate(chars)}
    enc = Encoder(vocab, char_ids, None)
    train_e = [enc.sentence(s) for s in train]
    dev_e = [enc.sentence(s) for s in dev]
    oov = sum(1 for e in train_e for w in e["words"] if w == 0) / sum(len(e["words"]) for e in train_e)
    print(f"{len(train_e)} train sentences, {len(dev_e)} dev; vocab {len(words)}, train OOV {oov:.3f}, chars {len(chars)}", flush=True)
    model = Tagger(vectors, len(chars) + 2, classes, 25, a.char_filters, 16, a.hidden)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=a.lr)
    # What decides the weights (input files by name, not where they sat): the same inputs and settings give the same
    # bytes (checked: two runs, identical tensors).
    settings = {k: v for k, v in vars(a).items() if k not in ("out", "reference")}
    settings["train"] = [p.rsplit("/", 1)[-1] for p in a.train]
    settings["dev"] = a.dev.rsplit("/", 1)[-1]
    settings["vectors"] = a.vectors.rsplit("/", 1)[-1]
    best, best_state = -1.0, None
    for epoch in range(1, a.epochs + 1):
        model.train()
        t0 = time.time()
        order = list(range(len(train_e)))
        random.shuffle(order)
        total = 0.0
        for k in range(0, len(order), a.batch):
            b = batch([train_e[i] for i in order[k:k + a.batch]])
            loss = model.nll(model.emissions(b), b["tags"], b["mask"])
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += loss.item()
        f1 = evaluate(model, dev_e)
        print(f"epoch {epoch}: loss {total:.0f}, dev F1 {f1:.2f}, {time.time() - t0:.0f} s", flush=True)
        if f1 > best:
            best, best_state = f1, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    print(f"best dev F1 {best:.2f}", flush=True)
    export(a.out, model, words, q, scale, chars, settings, best)
    if a.reference:
        write_reference(a.reference, model, dev[:40], dev_e[:40])


def write_reference(path, model, sentences, encoded):
    """The first dev sentences as the dump gave them, each token with the emissions and the tag the trained network
    gives it: the C# forward pass must reproduce them (tests/Extractor.Tests/Recognition/Neural)."""
    model.eval()
    with torch.no_grad():
        em = model.emissions(batch(encoded))
    with open(path, "w", encoding="utf-8") as f:
        for i, (s, e) in enumerate(zip(sentences, encoded)):
            n = len(e["words"])
            tags = model.decode(em[i], n)
            for j, t in enumerate(s):
                dump = "\t".join([t[0], t[1], TAGS[t[2]], str(t[3]), str(t[4]), ",".join(map(str, t[5]))])
                f.write(dump + "\t" + " ".join(f"{v:.6f}" for v in em[i, j].tolist()) + "\t" + TAGS[tags[j]] + "\n")
            f.write("\n")

if __name__ == "__main__":
    main()
