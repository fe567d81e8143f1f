using Extractor.Training;

namespace Extractor.Tests.Training;

/// <summary>Small hand-written CoNLL documents for tests that must not depend on the real data.</summary>
internal static class ConllFixtures
{
    /// <summary>Two documents, IOB1 tags, covering every label and adjacent same-type spans (B- in IOB1).</summary>
    public const string Iob1 = """
        -DOCSTART- -X- O O

        EU NNP I-NP I-ORG
        rejects VBZ I-VP O
        German JJ I-NP I-MISC
        call NN I-NP O
        . . O O

        Peter NNP I-NP I-PER
        Blackburn NNP I-NP I-PER

        -DOCSTART- -X- O O

        BRUSSELS NNP I-NP I-LOC
        1996-08-22 CD I-NP O

        Japan NNP I-NP I-LOC
        China NNP I-NP B-LOC
        and CC O O
        Smith NNP I-NP I-PER
        met VBD O O
        . . O O

        """;

    /// <summary>A synthetic but learnable corpus: people say things in places, organizations do things.</summary>
    public static List<ConllDocument> Synthetic(int documents, int seed)
    {
        string[] first = ["John", "Maria", "Ahmed", "Li", "Olga", "Peter", "Fatima", "Carlos"];
        string[] last = ["Smith", "Garcia", "Khan", "Wang", "Petrova", "Brown", "Haddad", "Silva"];
        string[] places = ["Paris", "Cairo", "Tokyo", "Lima", "Oslo", "Dakar", "Quito", "Seoul"];
        string[] orgs = ["Reuters", "Siemens", "Toyota", "Unilever", "Nestle", "Boeing", "Airbus", "Oracle"];
        var rng = new Random(seed);
        var text = new System.Text.StringBuilder();
        for (int d = 0; d < documents; d++)
        {
            text.Append("-DOCSTART- -X- O O\n\n");
            for (int s = 0; s < 6; s++)
            {
                text.Append($"{first[rng.Next(8)]} NNP O B-PER\n{last[rng.Next(8)]} NNP O I-PER\nsaid VBD O O\nin IN O O\n");
                text.Append($"{places[rng.Next(8)]} NNP O B-LOC\nthat IN O O\n{orgs[rng.Next(8)]} NNP O B-ORG\nwill MD O O\ngrow VB O O\n. . O O\n\n");
            }
        }
        return ConllReader.Read(new StringReader(text.ToString()), "synthetic");
    }
}
