using Extractor.Recognition;
using Extractor.Recognition.Spans;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Tests.Recognition.Spans;

/// <summary>
/// The name rules of docs/annotation-guidelines.md on hand-tagged sentences: each row gives the text, the spans a
/// tagger might produce ("LABEL:surface|…", found in order) and the spans the rules must leave.
/// </summary>
public class NameSpanRulesTests
{
    private static string Apply(string text, string tagged)
    {
        var tokens = new List<Token>();
        new Tokenizer().Tokenize(text, tokens);
        var spans = new List<TaggedSpan>();
        int from = 0;
        foreach (string item in tagged.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var (label, surface) = (Label(item[..item.IndexOf(':')]), item[(item.IndexOf(':') + 1)..]);
            int start = text.IndexOf(surface, from, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{surface}' not in the test text after {from}");
            int first = tokens.FindIndex(t => t.Start == start);
            int end = tokens.FindIndex(t => t.End == start + surface.Length) + 1;
            Assert.True(first >= 0 && end > first, $"'{surface}' does not fall on token edges");
            spans.Add(new TaggedSpan(first, end, label));
            from = start + surface.Length;
        }
        NameSpanRules.Default.Apply(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), spans);
        return string.Join('|', spans.Select(s => $"{Short(s.Label)}:{text[tokens[s.First].Start..tokens[s.End - 1].End]}"));
    }

    private static EntityLabel Label(string name) => name switch
    {
        "PER" => EntityLabel.Person,
        "ORG" => EntityLabel.Organization,
        "LOC" => EntityLabel.Location,
        _ => EntityLabel.Misc,
    };

    private static string Short(EntityLabel label) => label switch
    {
        EntityLabel.Person => "PER",
        EntityLabel.Organization => "ORG",
        EntityLabel.Location => "LOC",
        _ => "MISC",
    };

    [Theory] // P1: titles, ranks and honorifics leave the span, with or without periods; a name always remains.
    [InlineData("Sgt Maj John Brown arrived.", "PER:Sgt Maj John Brown", "PER:John Brown")]
    [InlineData("Gen Mark Milley spoke.", "PER:Gen Mark Milley", "PER:Mark Milley")]
    [InlineData("Spc. Jane Doe was hurt.", "PER:Spc. Jane Doe", "PER:Jane Doe")]
    [InlineData("Brig. Gen. Ali Hassan said so.", "PER:Brig. Gen. Ali Hassan", "PER:Ali Hassan")]
    [InlineData("Lt Gen John Smith said so.", "PER:Lt Gen John Smith", "PER:John Smith")]
    [InlineData("U.S. President Donald Trump said so.", "PER:U.S. President Donald Trump", "PER:Donald Trump")]
    [InlineData("Qatari Emir Sheikh Tamim spoke.", "PER:Qatari Emir Sheikh Tamim", "PER:Tamim")]
    [InlineData("Crown Prince Mohammed spoke.", "PER:Crown Prince Mohammed", "PER:Mohammed")]
    [InlineData("Sgt Maj John Brown arrived.", "PER:Sgt Maj|PER:John Brown", "PER:John Brown")]
    [InlineData("President Trump met Smith.", "PER:President|PER:Trump", "PER:Trump")]
    [InlineData("The President spoke.", "PER:President", "PER:President")]
    [InlineData("M. Atherton batted.", "PER:M. Atherton", "PER:M. Atherton")]
    [InlineData("Major John Major spoke.", "PER:Major John Major", "PER:John Major")]
    public void Titles_StayOutsideTheName(string text, string tagged, string expected) => Assert.Equal(expected, Apply(text, tagged));

    [Theory] // P3: particles, joined articles, openers and suffixes stay inside; nothing joins without them.
    [InlineData("Emir Sheikh Tamim bin Hamad al-Thani met him.", "PER:Emir Sheikh Tamim|PER:Hamad al-Thani", "PER:Tamim bin Hamad al-Thani")]
    [InlineData("Mohammed bin Abdulrahman bin Jassim Al Thani said.", "PER:Mohammed bin Abdulrahman|PER:Jassim Al Thani", "PER:Mohammed bin Abdulrahman bin Jassim Al Thani")]
    [InlineData("Abu Bakr al-Baghdadi was killed.", "PER:Abu Bakr|MISC:al-Baghdadi", "PER:Abu Bakr al-Baghdadi")]
    [InlineData("Abu Bakr al-Baghdadi was killed.", "PER:Abu Bakr", "PER:Abu Bakr al-Baghdadi")]
    [InlineData("Abu Bakr was killed.", "PER:Bakr", "PER:Abu Bakr")]
    [InlineData("Mark van Bommel said so.", "PER:Mark|PER:Bommel", "PER:Mark van Bommel")]
    [InlineData("Edwin van der Sar saved it.", "PER:Edwin", "PER:Edwin van der Sar")]
    [InlineData("Luiz Lula da Silva won.", "PER:Luiz Lula", "PER:Luiz Lula da Silva")]
    [InlineData("Tamim bin Hamad arrived.", "PER:Tamim|PER:bin Hamad", "PER:Tamim bin Hamad")]
    [InlineData("Martin Luther King Jr. spoke.", "PER:Martin Luther|PER:Jr.", "PER:Martin Luther King Jr.")]
    [InlineData("Robert Downey Jr. said so.", "PER:Robert Downey", "PER:Robert Downey Jr.")]
    [InlineData("Pope John Paul II visited.", "PER:John Paul", "PER:John Paul II")]
    [InlineData("Smith and Jones met.", "PER:Smith|PER:Jones", "PER:Smith|PER:Jones")]
    [InlineData("Rubio de facto led the talks.", "PER:Rubio", "PER:Rubio")]
    [InlineData("Smith in Doha said so.", "PER:Smith|LOC:Doha", "PER:Smith|LOC:Doha")]
    [InlineData("Hamad al-Thani Monday said so.", "PER:Hamad", "PER:Hamad al-Thani")]
    [InlineData("Emir Sheikh Tamim bin Hamad al-Thani met him.", "MISC:Tamim|PER:Hamad al-Thani", "PER:Tamim bin Hamad al-Thani")]
    [InlineData("Emir Sheikh Tamim bin Hamad al-Thani met him.", "PER:Hamad al-Thani", "PER:Tamim bin Hamad al-Thani")]
    [InlineData("Crown Prince Mohammed bin Salman spoke.", "PER:Salman", "PER:Mohammed bin Salman")]
    [InlineData("Sheikh bin Zayed spoke.", "PER:Zayed", "PER:Zayed")]
    [InlineData("the Saudi Arabia bin Salman talks.", "LOC:Saudi Arabia|PER:Salman", "LOC:Saudi Arabia|PER:Salman")]
    [InlineData("Osama Bin Laden hid.", "PER:Laden", "PER:Bin Laden")]
    public void Particles_StayInsideTheName(string text, string tagged, string expected) => Assert.Equal(expected, Apply(text, tagged));

    [Theory] // P2: a quoted nickname between name parts keeps the name whole.
    [InlineData("Maj. Robert \"Bob\" Collins, a spokesman, said so.", "PER:Robert \"Bob|PER:Collins", "PER:Robert \"Bob\" Collins")]
    [InlineData("Robert \"Bob\" Collins said so.", "PER:Robert", "PER:Robert \"Bob\" Collins")]
    [InlineData("Robert “Big Bob” Collins said so.", "PER:Collins", "PER:Robert “Big Bob” Collins")]
    [InlineData("They said \"Yes\" Monday.", "", "")]
    [InlineData("Paris \"Hope\" Street is busy.", "LOC:Paris", "LOC:Paris")]
    public void QuotedNicknames_KeepTheNameWhole(string text, string tagged, string expected) => Assert.Equal(expected, Apply(text, tagged));

    [Theory] // V1 and O2: ships are MISC, transliterated organization names are organizations.
    [InlineData("The destroyer USS Cole sailed.", "PER:USS Cole", "MISC:USS Cole")]
    [InlineData("The frigate HMS Defender sailed.", "PER:Defender", "MISC:HMS Defender")]
    [InlineData("The destroyer Cole sailed.", "PER:Cole", "MISC:Cole")]
    [InlineData("The carrier Carl Vinson sailed.", "PER:Carl Vinson", "MISC:Carl Vinson")]
    [InlineData("INS Vikrant docked.", "ORG:INS Vikrant", "MISC:INS Vikrant")]
    [InlineData("Ansar Allah and Jaish al-Adl claimed the attacks.", "PER:Ansar Allah|PER:Jaish al-Adl", "ORG:Ansar Allah|ORG:Jaish al-Adl")]
    [InlineData("Lashkar Gah was shelled.", "LOC:Lashkar Gah", "LOC:Lashkar Gah")]
    [InlineData("Ansar spoke.", "PER:Ansar", "PER:Ansar")]
    [InlineData("The USS said Cole would go.", "PER:Cole", "PER:Cole")]
    public void ShipsAndGroups_AreNotPeople(string text, string tagged, string expected) => Assert.Equal(expected, Apply(text, tagged));

    [Theory]
    [InlineData("The words of God are given in the first person.", "PER:God", "")]
    [InlineData("Thank God, said Smith, and Allah be praised.", "PER:God|PER:Smith|PER:Allah", "PER:Smith")]
    [InlineData("Abdullah met God Knows Records.", "PER:Abdullah|ORG:God Knows Records", "PER:Abdullah|ORG:God Knows Records")]
    [InlineData("God Almighty was invoked.", "PER:God Almighty", "PER:God Almighty")]
    public void NamesOfGodAlone_AreNotPeople(string text, string tagged, string expected) => Assert.Equal(expected, Apply(text, tagged));

    [Theory]
    [InlineData("The campaign to defeat Daesh goes on.", "PER:Daesh", "ORG:Daesh")]
    [InlineData("Atrocities by Da’esh were reported.", "", "ORG:Da’esh")]
    [InlineData("Fighters of the Islamic State of Iraq and the Levant fled.", "ORG:Islamic State of Iraq", "ORG:Islamic State of Iraq and the Levant")]
    [InlineData("The Hamas Political Bureau met.", "ORG:Hamas Political Bureau", "ORG:Hamas Political Bureau")]
    [InlineData("Boko Haram and ISIL were named.", "ORG:Boko Haram", "ORG:Boko Haram|ORG:ISIL")]
    [InlineData("DAESH and daesh are not written as listed.", "", "")]
    public void DesignatedOrganizations_AreOrganizations(string text, string tagged, string expected) => Assert.Equal(expected, Apply(text, tagged));
}
