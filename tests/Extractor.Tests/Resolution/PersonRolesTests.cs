using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.Tests.Resolution;

/// <summary>The role rules of docs/annotation-guidelines.md (R1 to R3), each with its table of cases. Mentions are given
/// by hand (<c>KIND:surface</c> or <c>KIND:surface=canonical</c>, in text order), so the rules are tested apart from the tagger.</summary>
public class PersonRolesTests
{
    /// <summary>The role and affiliation of the mention <paramref name="person"/>, as "role | affiliation".</summary>
    private static string RoleOf(string text, string mentions, string person)
    {
        var array = Attach(text, Build(text, mentions));
        var found = array.First(r => r.Kind == EntityKind.Person && r.Text == person);
        return $"{found.Role} | {found.Affiliation}";
    }

    /// <summary>A copy of <paramref name="resolved"/> with the roles that <see cref="PersonRoles.Find(string, IReadOnlyList{ResolvedMention})"/> gives set.</summary>
    private static ResolvedMention[] Attach(string text, ResolvedMention[] resolved)
    {
        var after = resolved.ToArray();
        foreach (var (index, role, affiliation) in PersonRoles.Default.Find(text, resolved))
            after[index] = after[index] with { Role = role, Affiliation = affiliation };
        return after;
    }

    /// <summary>The mentions of <paramref name="mentions"/> (<c>KIND:surface[=canonical]|…</c>), found in text order.</summary>
    private static ResolvedMention[] Build(string text, string mentions)
    {
        var resolved = new List<ResolvedMention>();
        int from = 0;
        foreach (string item in mentions.Split('|'))
        {
            string kind = item[..item.IndexOf(':')], rest = item[(item.IndexOf(':') + 1)..];
            string surface = rest.Contains('=') ? rest[..rest.IndexOf('=')] : rest;
            string name = rest.Contains('=') ? rest[(rest.IndexOf('=') + 1)..] : rest;
            int start = text.IndexOf(surface, from, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{surface}' not in the text after {from}");
            var entityKind = kind switch { "PER" => EntityKind.Person, "ORG" => EntityKind.Organization, "LOC" => EntityKind.Location, _ => EntityKind.Country };
            var label = kind switch { "PER" => EntityLabel.Person, "ORG" => EntityLabel.Organization, _ => EntityLabel.Location };
            resolved.Add(new ResolvedMention(new Mention(start, start + surface.Length, 0, 0, 0, label, 1f), entityKind, surface, name, ""));
            from = start + surface.Length;
        }
        return [.. resolved];
    }

    [Theory]
    [InlineData("Defense Secretary Pete Hegseth said the strikes would go on.", "PER:Pete Hegseth", "Defense Secretary | ")]
    [InlineData("Bank of England Governor Andrew Bailey warned of inflation.", "ORG:Bank of England|PER:Andrew Bailey", "Governor | Bank of England")]
    [InlineData("U.S. Secretary of State Marco Rubio flew to Doha.", "COUNTRY:U.S.=United States|PER:Marco Rubio", "Secretary of State | United States")]
    [InlineData("Qatar's Emir Sheikh Tamim bin Hamad al-Thani met him.", "COUNTRY:Qatar|PER:Tamim bin Hamad al-Thani", "Emir | Qatar")]
    [InlineData("French President Emmanuel Macron spoke first.", "PER:Emmanuel Macron", "President | France")]
    [InlineData("She thanked former Defense Secretary Lloyd Austin.", "PER:Lloyd Austin", "former Defense Secretary | ")]
    [InlineData("The acting director Jane Roe of the FBI testified.", "PER:Jane Roe|ORG:FBI", "acting director | FBI")]
    [InlineData("Apple chief executive Tim Cook met investors.", "ORG:Apple|PER:Tim Cook", "chief executive | Apple")]
    [InlineData("Homeland Security Secretary Kristi Noem visited.", "PER:Kristi Noem", "Homeland Security Secretary | ")]
    [InlineData("Trump adviser Jared Kushner arrived.", "PER:Trump|PER:Jared Kushner", "adviser | ")]
    [InlineData("Rep. Alexandria Ocasio-Cortez and Col. James Brown attended.", "PER:Alexandria Ocasio-Cortez|PER:James Brown", "Rep. | ")]
    [InlineData("Cardinal Pietro Parolin preached.", "PER:Pietro Parolin", "Cardinal | ")]
    [InlineData("Chinese leader Xi Jinping flew to Seoul.", "PER:Xi Jinping|LOC:Seoul", "leader | China")]
    [InlineData("Former British Prime Minister Tony Blair joined the board.", "PER:Tony Blair", "Former Prime Minister | United Kingdom")]
    [InlineData("Former Bank of England Governor Mark Carney spoke.", "ORG:Bank of England|PER:Mark Carney", "Former Governor | Bank of England")]
    [InlineData("Microsoft co-founder Bill Gates gave a speech.", "ORG:Microsoft|PER:Bill Gates", "co-founder | Microsoft")]
    [InlineData("EU foreign policy chief Kaja Kallas attended.", "ORG:EU|PER:Kaja Kallas", "foreign policy chief | European Union")]
    [InlineData("He met foreign policy chief Kaja Kallas.", "PER:Kaja Kallas", "chief | ")]
    public void R1_TitleBeforeTheName(string text, string mentions, string expected) =>
        Assert.Equal(expected, RoleOf(text, mentions, PersonIn(mentions, text)));

    [Theory]
    [InlineData("Mr. John Smith declined to comment.", "PER:John Smith", " | ")]
    [InlineData("His Excellency Ali Hassan arrived.", "PER:Ali Hassan", " | ")]
    [InlineData("On Monday President Donald Trump said so.", "PER:Donald Trump", "President | ")]
    [InlineData("The talks ended in Washington. President Joe Biden left.", "LOC:Washington|PER:Joe Biden", "President | ")]
    [InlineData("He said, Prime Minister Keir Starmer agreed.", "PER:Keir Starmer", "Prime Minister | ")]
    [InlineData("A report by John Smith was published.", "PER:John Smith", " | ")]
    public void R1_HonorificsDaysAndSentencesAreNoRoleOrAffiliation(string text, string mentions, string expected) =>
        Assert.Equal(expected, RoleOf(text, mentions, PersonIn(mentions, text)));

    [Theory]
    [InlineData("Tim Cook, Apple's chief executive, met investors.", "PER:Tim Cook|ORG:Apple", "chief executive | Apple")]
    [InlineData("António Guterres, the secretary-general of the United Nations, called for calm.", "PER:António Guterres|ORG:United Nations", "secretary-general | United Nations")]
    [InlineData("Kaja Kallas, the EU's foreign policy chief, said Europe would respond.", "PER:Kaja Kallas|ORG:EU=European Union|LOC:Europe", "foreign policy chief | European Union")]
    [InlineData("Jane Doe, a senior analyst at Capital Economics, said prices would fall.", "PER:Jane Doe|ORG:Capital Economics", "senior analyst | Capital Economics")]
    [InlineData("Ahmed Ali, the Iraqi interior minister.", "PER:Ahmed Ali", "interior minister | Iraq")]
    [InlineData("John Smith, a father of three, was not available.", "PER:John Smith", " | ")]
    [InlineData("John Smith, Jane Doe and Ali Khan signed.", "PER:John Smith|PER:Jane Doe|PER:Ali Khan", " | ")]
    [InlineData("John Smith, who ran the company, resigned.", "PER:John Smith", " | ")]
    [InlineData("Marco Rubio, the president's envoy to the talks in Doha, left.", "PER:Marco Rubio|LOC:Doha", " | ")]
    public void R2_AppositiveAfterTheName(string text, string mentions, string expected) =>
        Assert.Equal(expected, RoleOf(text, mentions, PersonIn(mentions, text)));

    [Theory]
    [InlineData("A spokesman for the Kremlin, Dmitry Peskov, declined to comment.", "ORG:Kremlin|PER:Dmitry Peskov", "spokesman | Kremlin")]
    [InlineData("The bank's chairman, Jane Doe, resigned.", "PER:Jane Doe", "chairman | ")]
    [InlineData("Apple's chief executive, Tim Cook, met investors.", "ORG:Apple|PER:Tim Cook", "chief executive | Apple")]
    [InlineData("Later, the country's top diplomat, Ali Khan, flew home.", "PER:Ali Khan", "top diplomat | ")]
    [InlineData("A Pentagon spokesman, Sean Parnell, said the review was complete.", "ORG:Pentagon|PER:Sean Parnell", "spokesman | Pentagon")]
    [InlineData("In London, John Smith said so.", "LOC:London|PER:John Smith", " | ")]
    [InlineData("Like his father, John Smith became a doctor.", "PER:John Smith", " | ")]
    public void R3_AppositiveBeforeTheName(string text, string mentions, string expected) =>
        Assert.Equal(expected, RoleOf(text, mentions, PersonIn(mentions, text)));

    [Theory]
    [InlineData("Kaja Kallas, the EU's foreign policy chief, said so.", "PER:Kaja Kallas|ORG:EU", "foreign policy chief | European Union")]
    [InlineData("Fed Chair Jerome Powell spoke.", "ORG:Fed|PER:Jerome Powell", "Chair | Federal Reserve")]
    [InlineData("UN Secretary-General António Guterres spoke.", "ORG:UN|PER:António Guterres", "Secretary-General | United Nations")]
    [InlineData("Apple chief executive Tim Cook met investors.", "ORG:Apple|PER:Tim Cook", "chief executive | Apple")]
    public void R4_AnOrganizationKnownByAShortFormIsGivenInFull(string text, string mentions, string expected) =>
        Assert.Equal(expected, RoleOf(text, mentions, PersonIn(mentions, text)));

    [Theory]
    [InlineData("Gen. Dan Caine, chairman of the Joint Chiefs of Staff, briefed reporters.", "PER:Dan Caine|ORG:Joint Chiefs of Staff", "chairman | Joint Chiefs of Staff")]
    [InlineData("Gen. Dan Caine, a former fighter pilot, briefed reporters.", "PER:Dan Caine", "Gen. | ")]
    [InlineData("U.S. Ambassador Mike Waltz, the envoy to the talks, spoke.", "COUNTRY:U.S.=United States|PER:Mike Waltz", "Ambassador | United States")]
    public void ATitleBeforeTheName_YieldsOnlyToAnAppositiveThatNamesTheBody(string text, string mentions, string expected) =>
        Assert.Equal(expected, RoleOf(text, mentions, PersonIn(mentions, text)));

    [Fact]
    public void OnlyPeopleGetRoles_AndNamesNeverChange()
    {
        const string text = "Apple chief executive Tim Cook met U.S. President Donald Trump.";
        var before = Build(text, "ORG:Apple|PER:Tim Cook|COUNTRY:U.S.|PER:Donald Trump");
        var after = Attach(text, before);
        for (int i = 0; i < before.Length; i++)
        {
            Assert.Equal(before[i].Mention, after[i].Mention);
            Assert.Equal(before[i].Name, after[i].Name);
            Assert.Equal(before[i].Kind, after[i].Kind);
        }
        Assert.Equal("", after[0].Role);
        Assert.Equal("President", after[3].Role);
        Assert.Equal("U.S.", after[3].Affiliation);
    }

    /// <summary>The person of the case: the first PER mention that is not a lone surname used as a modifier ("Trump adviser").</summary>
    private static string PersonIn(string mentions, string text) =>
        mentions.Split('|').Where(m => m.StartsWith("PER:", StringComparison.Ordinal)).Select(m => m[4..].Split('=')[0]).First(p => p.Contains(' ') || !text.Contains(p + " adviser", StringComparison.Ordinal));
}
