"""Checks extractor's tables as pandas, csvkit, sqlite3, Miller, LibreOffice and openpyxl read them: every consumer must
get the rows and values of the JSONL output of the same run. Called by check.sh with the folder of outputs."""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

import openpyxl
import pandas as pd

out = sys.argv[1]
TABLES = {"mention": "mentions", "entity": "entities", "corpus": "corpus"}
failures = []


def check(ok, what):
    print(("ok: " if ok else "FAILED: ") + what)
    if not ok:
        failures.append(what)


def joined(items):
    """The one-cell form of a list: '|'-joined, with '|' and '\\' inside an item escaped."""
    return "|".join(i.replace("\\", "\\\\").replace("|", "\\|") for i in items)


def cell(value):
    """A JSON value as the text tables carry: lists joined, numbers as written."""
    if isinstance(value, list):
        return joined(value)
    return value if isinstance(value, str) else json.dumps(value)


def typed(value):
    return joined(value) if isinstance(value, list) else value


def run(*command, stdin=None):
    return subprocess.run(command, input=stdin, capture_output=True, text=True, check=True).stdout


def same(name, got, want):
    if got == want:
        check(True, name)
        return
    first = next((i for i, (g, w) in enumerate(zip(got, want)) if g != w), min(len(got), len(want)))
    check(False, f"{name}: {len(got)} rows vs {len(want)} expected; first difference at row {first}: "
                 f"{got[first] if first < len(got) else None!r} vs {want[first] if first < len(want) else None!r}")


for level, table in TABLES.items():
    path = lambda suffix: os.path.join(out, level + suffix)
    records = [json.loads(line) for line in open(path(".jsonl"), encoding="utf-8")]
    columns = list(records[0].keys())
    as_text = [[cell(r[c]) for c in columns] for r in records]
    as_typed = [[typed(r[c]) for c in columns] for r in records]
    schema = json.load(open(path(".schema.json"), encoding="utf-8"))
    check([f["name"] for f in schema["fields"]] == columns, f"{level}: the schema names the JSON fields in order")
    check(any(r.get("code") == "NA" for r in records), f"{level}: the run has Namibia (NA) to keep")
    if "aliases" in columns:
        check(all(isinstance(r["aliases"], list) for r in records), f"{level}: JSON aliases are arrays")

    # pandas, typed by the schema, NA kept as text.
    dtypes = {f["name"]: {"integer": "int64", "number": "float64"}.get(f["type"], str) for f in schema["fields"]}
    def pandas_rows(suffix, sep=","):
        frame = pd.read_csv(path(suffix), sep=sep, dtype=dtypes, keep_default_na=False, na_values=[])
        check(list(frame.columns) == columns, f"pandas {level}{suffix}: header")
        return [[v.item() if hasattr(v, "item") else v for v in row] for row in frame.itertuples(index=False)]
    for suffix, sep in ((".csv", ","), (".semi.csv", ";")):
        same(f"pandas {level}{suffix}: rows and typed values equal JSON's", pandas_rows(suffix, sep), as_typed)
    same(f"pandas {level}.bom.csv: the BOM is skipped, rows as without it", pandas_rows(".bom.csv"), pandas_rows(".escaped.csv"))

    # Formula escaping is visible in the data: a leading apostrophe, on exactly the formula-looking cells.
    escaped = list(csv.reader(open(path(".escaped.csv"), encoding="utf-8", newline="")))[1:]
    plain = list(csv.reader(open(path(".csv"), encoding="utf-8", newline="")))[1:]
    diffs = {(p, e) for pr, er in zip(plain, escaped) for p, e in zip(pr, er) if p != e}
    check(bool(diffs) and all(e == "'" + p and p[:1] in "=+-@" for p, e in diffs), f"{level}: default CSV prefixes ' to formula-looking cells only ({sorted(diffs)[:2]})")

    # csvkit with type inference off: strings exactly (inference would make 0/1 Boolean and NA null).
    got = json.loads(run("csvjson", "-I", "--blanks", path(".csv")))
    same(f"csvkit csvjson -I {level}.csv: values equal JSON's", [[r[c] for c in columns] for r in got], as_text)
    got = json.loads(run("csvjson", "-I", "--blanks", path(".bom.csv")))
    check(list(got[0].keys()) == columns, f"csvkit {level}.bom.csv: the BOM is not part of the first column's name")

    # Miller reads the TSV (tabs and newlines inside ids escaped as \t \n).
    got = json.loads(run("mlr", "--itsv", "--ojson", "--infer-none", "cat", path(".tsv")))
    same(f"Miller --itsv {level}.tsv: values equal JSON's", [[r[c] for c in columns] for r in got], as_text)

    # sqlite3: CREATE TABLE from --schema X.sql, .import the CSV; numbers come back as numbers.
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "out.db")
        run("sqlite3", db, stdin=open(path(".sql"), encoding="utf-8").read())
        run("sqlite3", db, f".import --csv --skip 1 {path('.csv')} {table}")
        got = json.loads(run("sqlite3", "-json", db, f"SELECT * FROM {table}") or "[]")
        same(f"sqlite3 {table} from {level}.csv: typed values equal JSON's", [[r[c] for c in columns] for r in got], as_typed)
        ints = [c for c in columns if dtypes[c] == "int64"]
        types = run("sqlite3", db, f"SELECT DISTINCT {' || '.join(f'typeof({c})' for c in ints)} FROM {table}").split()
        check(types == ["integer" * len(ints)], f"sqlite3 {table}: integer columns stored as integers ({types})")

    # openpyxl reads our workbook: typed cells, frozen and filtered header, the run sheet.
    book = openpyxl.load_workbook(path(".xlsx"))
    sheet = book[table]
    rows = [[("" if v is None else v) for v in row] for row in sheet.iter_rows(values_only=True)]
    check(rows[0] == columns, f"openpyxl {level}.xlsx: header")
    same(f"openpyxl {level}.xlsx: typed cells equal JSON's", rows[1:], as_typed)
    check(sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(columns))}{len(rows)}",
          f"openpyxl {level}.xlsx: header frozen and filtered")
    run_sheet = {k: v for k, v in book["run"].iter_rows(values_only=True)}
    check(run_sheet.get("tool", "").startswith("extractor ") and "extract" in run_sheet.get("command", "") and run_sheet.get("model"),
          f"openpyxl {level}.xlsx: the run sheet names tool, command and model")

# LibreOffice Calc, headless: the workbooks read back as the plain CSV, cell for cell, and a BOM CSV opened as UTF-8.
with tempfile.TemporaryDirectory() as folder:
    profile = "-env:UserInstallation=file://" + os.path.join(folder, "profile")
    books = [os.path.join(out, level + ".xlsx") for level in TABLES]
    run("soffice", profile, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", folder, *books)
    boms = [os.path.join(folder, level + ".bom.csv") for level in TABLES]
    for level in TABLES:
        os.link(os.path.join(out, level + ".bom.csv"), os.path.join(folder, level + ".bom.csv"))
    run("soffice", profile, "--headless", "--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", os.path.join(folder, "x"), *boms)
    for level in TABLES:
        got = list(csv.reader(open(os.path.join(folder, level + ".csv"), encoding="utf-8", newline="")))
        want = list(csv.reader(open(os.path.join(out, level + ".csv"), encoding="utf-8", newline="")))
        same(f"LibreOffice {level}.xlsx: cells equal the CSV's", got, want)
        # The spreadsheet CSV (formulas escaped, BOM): every cell as written, nothing run, non-ASCII intact.
        rows = [[("" if v is None else str(v)) for v in row] for row in openpyxl.load_workbook(os.path.join(folder, "x", level + ".bom.xlsx")).active.iter_rows(values_only=True)]
        want = list(csv.reader(open(os.path.join(out, level + ".escaped.csv"), encoding="utf-8", newline="")))
        same(f"LibreOffice {level}.bom.csv opened as UTF-8: cells as written, no formula run", rows, want)

print(f"consumers: {len(failures)} failed" if failures else "consumers: every consumer read the JSON's rows and values")
sys.exit(1 if failures else 0)
