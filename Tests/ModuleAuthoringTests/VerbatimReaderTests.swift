import DebateCore
import DocxFixtures
import Foundation
@testable import ModuleAuthoring
import Testing

typealias F = DocxFixture

func outline(_ body: String, styles: String? = F.verbatimStyles) throws -> VerbatimOutline {
    var interpreter = VerbatimInterpreter(try DocxReader.read(data: try F.docx(body: body, styles: styles)))
    return interpreter.outline()
}

func headings(_ outline: VerbatimOutline) -> [String] {
    outline.items.compactMap { if case .heading(let level, let text, _) = $0 { "\(level):\(text)" } else { nil } }
}

@Suite struct VerbatimStructureTests {
    @Test func pocketHatBlockTagCiteAndCard() throws {
        let body = F.p("Heading1", F.r("1NC")) + F.p("Heading2", F.r("Midterms DA")) + F.p("Heading3", F.r("Link"))
            + F.card(tag: "Plan kills Biden’s capital", short: "Smith 25", rest: " (Jane Smith, professor of politics at Yale, 8/15/25, “Capital Runs Dry,” Politico, https://politico.com/x)",
                     evidence: F.p(nil, F.r("The plan ", style: "StyleUnderline"), F.r("drains", style: "Emphasis", props: #"<w:highlight w:val="cyan"/>"#),
                                   F.r(" capital", style: "StyleUnderline", props: #"<w:highlight w:val="cyan"/>"#), F.r(" fast.")))
        let o = try outline(body)
        #expect(headings(o) == ["1:1NC", "2:Midterms DA", "3:Link"])
        let claim = try #require(o.claims.first)
        #expect(claim.tag == "Plan kills Biden’s capital")
        #expect(claim.origin == .tag)
        #expect(claim.evidence == "__The plan **==drains==**== capital==__ fast.")
        let evidence = try Evidence(markup: try #require(claim.evidence))
        #expect(evidence.plainText == "The plan drains capital fast.")
        #expect(evidence.highlightedText == "drains capital")
        let cite = try #require(claim.cite)
        #expect(cite.short == "Smith 25")
        #expect(cite.text == "Smith 25 (Jane Smith, professor of politics at Yale, 8/15/25, “Capital Runs Dry,” Politico, https://politico.com/x)")
        #expect(cite.author == "Jane Smith")
        #expect(cite.date == "8/15/25")
        #expect(cite.title == "Capital Runs Dry")
        #expect(cite.url == "https://politico.com/x")
        #expect(o.tagParagraphs == 1)
        #expect(o.warnings.isEmpty)
    }

    @Test func stylesByNameThroughBasedOnNotAliases() throws {
        // "my cite" is based on Style13ptBold; Heading 4's aliases say "heading 2" and are ignored.
        let body = F.p("Heading4", F.r("Tag one")) + F.p(nil, F.r("Lee 19", style: "MyCite"), F.r(" [Lee, 2019]"))
            + F.p(nil, F.r("evidence", props: #"<w:u w:val="single"/>"#))
        let o = try outline(body)
        #expect(headings(o).isEmpty)
        #expect(o.claims.map(\.tag) == ["Tag one"])
        #expect(o.claims[0].cite?.short == "Lee 19")
        #expect(o.claims[0].evidence == "__evidence__")
    }

    @Test func paragraphMarkPropertiesDoNotLeakAndDirectUnderlineOffWins() throws {
        // The tag paragraph's mark is bold, underlined and highlighted red (see F.p); a Normal
        // paragraph with such a mark must not turn its text into highlighted evidence.
        let body = F.card(tag: "T", short: "Kim 21", rest: ", analyst",
                          evidence: "<w:p><w:pPr><w:rPr><w:u w:val=\"single\"/><w:highlight w:val=\"yellow\"/></w:rPr></w:pPr>"
                            + F.r("plain ") + F.r("not underlined", style: "StyleUnderline", props: #"<w:u w:val="none"/>"#) + "</w:p>")
        let o = try outline(body)
        #expect(o.claims[0].evidence == "plain not underlined")
    }

    @Test func highlightByShadingAndOtherColorsAreKept() throws {
        let body = F.card(tag: "T", short: "Kim 21", rest: ", analyst",
                          evidence: F.p(nil, F.r("a", props: #"<w:highlight w:val="cyan"/>"#), F.r(" b", props: #"<w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>"#),
                                        F.r(" c", props: #"<w:shd w:val="clear" w:color="auto" w:fill="auto"/>"#), F.r(" d", props: #"<w:highlight w:val="none"/>"#),
                                        F.r(" e", props: #"<w:highlight w:val="cyan"/>"#)))
        let o = try outline(body)
        #expect(o.usualHighlight == "cyan")
        #expect(o.claims[0].evidence == "==a b== c d== e==")
        #expect(o.claims[0].otherHighlights == ["shading:ffff00"])
    }

    @Test func textInHyperlinksTabsBreaksKeptFieldCodesAndDeletionsSkipped() throws {
        let evidence = "<w:p><w:hyperlink r:id=\"x\" xmlns:r=\"r\">" + F.r("linked") + "</w:hyperlink>"
            + "<w:r><w:instrText>HYPERLINK \"x\"</w:instrText></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
            + "<w:r><w:tab/><w:t>tabbed</w:t><w:br/><w:t>next &amp; &#8220;last&#x201D;</w:t></w:r></w:p>"
        let o = try outline(F.card(tag: "T", short: "Kim 21", rest: ", analyst", evidence: evidence))
        #expect(o.claims[0].evidence == "linked\ttabbed\nnext & “last”")
    }

    @Test func escapesMarkerCharactersAndRoundTripsThroughEvidence() throws {
        let text = #"a_b **c** == d \ e__"#
        let o = try outline(F.card(tag: "T", short: "Kim 21", rest: ", x", evidence: F.p(nil, F.r(text, style: "StyleUnderline"), F.r(" = *"))))
        let markup = try #require(o.claims[0].evidence)
        let evidence = try Evidence(markup: markup)
        #expect(evidence.runs == [Evidence.Run(text, .underline), Evidence.Run(" = *", [])])
    }

    @Test func analyticsStackedTagsAndFakeTags() throws {
        let body = F.p("Analytic", F.r("Analytic based on Heading 4"))
            + F.p("Heading4", F.r("Stacked tag one")) + F.p("Heading4", F.r("Stacked tag two"))
            + F.p(nil, F.r("Kim 21", style: "Style13ptBold"), F.r(" cite")) + F.p(nil, F.r("card", style: "StyleUnderline"))
            + F.p(nil, F.r("A fake tag in bold Normal", props: "<w:b/>"))
            + F.p(nil, F.r("Ng 20", style: "Style13ptBold"), F.r(" cite")) + F.p(nil, F.r("card two", style: "StyleUnderline"))
            + F.p("Heading4", F.r("Analytic tag")) + F.p(nil, F.r("Its explanation."))
        let o = try outline(body)
        #expect(o.claims.map(\.tag) == ["Analytic based on Heading 4", "Stacked tag one", "Stacked tag two", "A fake tag in bold Normal", "Analytic tag"])
        #expect(o.claims.map(\.origin) == [.analytic, .tag, .tag, .fakeTag, .tag])
        #expect(o.claims.map(\.isCard) == [false, false, true, true, false])
        #expect(o.claims[1].stacked)
        #expect(o.claims[4].warrant == "Its explanation.")
        #expect(o.warnings.map(\.code) == ["fake-tag"])
        #expect(o.tagParagraphs == 3)
    }

    @Test func googleDocsExportByNamesAndBold11ptCites() throws {
        let body = F.p("Heading10", F.r("AFF")) + F.p("Heading40", F.r("Warming is real"))
            + F.p(nil, F.r("Hansen 23", props: #"<w:b/><w:sz w:val="22"/>"#), F.r(" – NASA scientist"))
            + F.p("NormalWeb", F.r("Pasted ", props: #"<w:u w:val="single"/>"#), F.r("text"))
        let o = try outline(body, styles: F.googleDocsStyles)
        #expect(headings(o) == ["1:AFF"])
        #expect(o.claims.map(\.tag) == ["Warming is real"])
        #expect(o.claims[0].cite?.short == "Hansen 23")
        #expect(o.claims[0].evidence == "__Pasted __text")
    }

    @Test func tablesTextBoxesKeptImagesReported() throws {
        let table = "<w:tbl><w:tr><w:tc>" + F.p(nil, F.r("cell text", style: "StyleUnderline")) + "</w:tc></w:tr></w:tbl>"
        let drawing = "<w:p><w:r><w:drawing><pic:pic xmlns:pic=\"p\"/></w:drawing></w:r></w:p>"
        let textBox = "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>"
            + F.p(nil, F.r("boxed", style: "StyleUnderline")) + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
            + F.p(nil, F.r("boxed", style: "StyleUnderline")) + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        let o = try outline(F.card(tag: "T", short: "Kim 21", rest: ", x", evidence: table + drawing + textBox))
        #expect(o.claims[0].evidence == "__cell text__\n\n__boxed__")
        #expect(o.warnings.map(\.code) == ["object-not-kept", "object-not-kept"])
    }

    @Test func nothingDroppedSilently() throws {
        let body = F.p(nil, F.r("Notes before any tag")) + F.p("Heading3", F.r("Block"))
            + F.p(nil, F.r("Smith 25", style: "Style13ptBold"), F.r(" cite")) + F.p(nil, F.r("untagged card"))
        let o = try outline(body)
        #expect(o.warnings.map(\.code) == ["text-outside-card", "untagged-card"])
        #expect(o.claims.map(\.tag) == ["Smith 25"])
        #expect(o.claims[0].evidence == "untagged card")
    }

    @Test func slidingCenturyForTwoDigitYears() {
        #expect(CiteReader.century(25, now: 2026) == 2025)
        #expect(CiteReader.century(27, now: 2026) == 2027)
        #expect(CiteReader.century(28, now: 2026) == 1928)
        #expect(CiteReader.century(99, now: 2026) == 1999)
        let cite = CiteReader.read(text: "Ng '08, economist", short: "Ng '08")
        #expect(cite.date == "2008")
        #expect(cite.author == nil)  // a bare last name is not taken for an author
    }
}

@Suite struct HostileDocxTests {
    func error(_ data: Data, limits: DocxLimits = DocxLimits()) -> DocxReadError? {
        do {
            _ = try DocxReader.read(data: data, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func oldDocEncryptedAndNotAZip() throws {
        var doc = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 600)
        #expect(error(doc)?.code == "old-doc")
        doc += Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(error(doc)?.code == "encrypted")
        #expect(error(Data("hello".utf8))?.code == "not-docx")
    }

    @Test func truncatedZipAndMissingDocument() throws {
        let whole = try F.docx(body: F.p("Heading4", F.r("tag")))
        let cut = error(whole.prefix(whole.count / 2))
        #expect(cut?.code == "bad-zip" || cut?.code == "no-document")
        let noDocument = try F.zip([("word/styles.xml", Data(F.verbatimStyles.utf8))])
        #expect(error(noDocument)?.code == "no-document")
    }

    @Test func pathsEscapingTheArchive() throws {
        let evil = try F.zip([("word/document.xml", Data(F.document("").utf8)), ("../../evil.xml", Data("x".utf8))])
        #expect(error(evil)?.code == "unsafe-path")
    }

    @Test func zipBombByRatio() throws {
        let huge = F.document(F.p(nil, F.r(String(repeating: "a", count: 3_000_000))))
        let bomb = try F.zip([("word/document.xml", Data(huge.utf8))])
        #expect(error(bomb)?.code == "zip-bomb")
        var small = DocxLimits()
        small.maxPartUncompressed = 1 << 20
        let stored = try F.zip([("word/document.xml", Data(huge.utf8))], stored: true)
        // Stored, not compressed: a document too large to read, not a bomb.
        #expect(error(stored, limits: small)?.code == "too-large")
    }

    @Test func doctypeAndUnknownEntitiesAreRejected() throws {
        let doctype = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY e \"boom\">]><w:document xmlns:w=\"\(F.wordNamespace)\"><w:body/></w:document>"
        let e1 = error(try F.zip([("word/document.xml", Data(doctype.utf8))]))
        #expect(e1?.code == "bad-xml")
        #expect(e1?.message.contains("DOCTYPE") == true)
        let entity = F.document(F.p(nil, F.r("x").replacingOccurrences(of: ">x<", with: ">&e;<")))
        #expect(error(try F.zip([("word/document.xml", Data(entity.utf8))]))?.code == "bad-xml")
        let unclosed = "<w:document xmlns:w=\"\(F.wordNamespace)\"><w:body><w:p>"
        #expect(error(try F.zip([("word/document.xml", Data(unclosed.utf8))]))?.message.contains("cut short") == true)
    }
}

@Suite struct XMLTokenizerTests {
    struct Recorder: XMLTokenHandler {
        var events: [String] = []
        mutating func start(_ name: XMLBytes, attributes: XMLAttributes, selfClosing: Bool) throws(XMLReadError) {
            events.append("<" + String(decoding: name, as: UTF8.self) + ((try attributes.string("a")).map { " a=\($0)" } ?? "") + (selfClosing ? "/" : ""))
        }
        mutating func end(_ name: XMLBytes) throws(XMLReadError) { events.append("</" + String(decoding: name, as: UTF8.self)) }
        mutating func text(_ raw: XMLBytes, isCDATA: Bool) throws(XMLReadError) {
            var out: [UInt8] = []
            if isCDATA { out = Array(raw) } else { try XMLText.decode(raw, into: &out) }
            events.append(String(decoding: out, as: UTF8.self))
        }
    }

    /// Fed one byte at a time, the events are those of the whole document (text may come in pieces).
    @Test func chunkBoundariesAnywhere() throws {
        let xml = #"<?xml version="1.0"?><!-- c --><r a="x&gt;y"><t>a &amp; b</t><e a='1'/><![CDATA[<raw>]]></r>"#
        var whole = XMLTokenizer(handler: Recorder())
        try whole.feed(Data(xml.utf8))
        try whole.finish()
        var bytewise = XMLTokenizer(handler: Recorder())
        for byte in Array(xml.utf8) { try bytewise.feed(Data([byte])) }
        try bytewise.finish()
        #expect(whole.handler.events == ["<r a=x>y", "<t", "a & b", "</t", "<e a=1/", "<raw>", "</r"])
        #expect(bytewise.handler.events.joined() == whole.handler.events.joined())
    }
}

@Suite struct CiteReaderTests {
    @Test func writtenOutDates() {
        #expect(CiteReader.fullDate(in: "Smith 25, prof, 8/15/25, “T”", year: 2025) == "8/15/25")
        #expect(CiteReader.fullDate(in: "Smith 25 (8-15-2025)", year: 2025) == "8-15-2025")
        #expect(CiteReader.fullDate(in: "Smith 25, August 15, 2025, Pub", year: 2025) == "August 15, 2025")
        #expect(CiteReader.fullDate(in: "Smith 25, 15 Aug 2025, Pub", year: 2025) == "15 Aug 2025")
        #expect(CiteReader.fullDate(in: "Smith 25, Sept. 2025", year: 2025) == "Sept. 2025")
        #expect(CiteReader.fullDate(in: "Smith 25, professor", year: 2025) == nil)
        #expect(CiteReader.fullDate(in: "Smith 25, Maybe 2025", year: 2025) == nil)
    }
}

@Suite struct UnstyledCiteTests {
    @Test func plainCiteBetweenTagAndCardIsTheCite() throws {
        let body = F.p("Heading4", F.r("Deterrence holds"))
            + F.p(nil, F.r("Dong Sun "), F.r("LEE", props: #"<w:b/><w:u w:val="single"/>"#), F.r(" IR @ Korea University "), F.r("’19", props: "<w:b/>"), F.r(" “Title,” Journal"))
            + F.p(nil, F.r("~Trigger warning~"))
            + F.p(nil, F.r("Deterrence ", props: #"<w:u w:val="single"/><w:highlight w:val="yellow"/>"#), F.r("holds."))
            + F.p("Heading4", F.r("An analytic")) + F.p(nil, F.r("Plain reasons.")) + F.p(nil, F.r("More plain reasons."))
        let o = try outline(body)
        #expect(o.claims.count == 2)
        let card = o.claims[0]
        #expect(card.cite?.text == "Dong Sun LEE IR @ Korea University ’19 “Title,” Journal")
        // The bold words apart ("LEE", "’19") are not one stretch of the cite: the short cite is the
        // longest leading part the cite holds, so renderers find it there and style it.
        #expect(card.cite?.short == "LEE")
        #expect(card.evidence == "~Trigger warning~\n\n__==Deterrence ==__holds.")
        #expect(o.claims[1].evidence == nil && o.claims[1].warrant == "Plain reasons.\n\nMore plain reasons.")
        #expect(o.warnings.map(\.code) == ["unstyled-cite"])
    }
}

@Suite struct CiteLineBreakTests {
    @Test func aBreakInTheCiteParagraphStartsTheCard() throws {
        let body = F.p("Heading4", F.r("Tag"))
            + "<w:p>" + F.r("Paperson 14", props: #"<w:b/><w:sz w:val="26"/>"#) + F.r(" — (La Paperson, 2014)")
            + "<w:r><w:br/></w:r>" + F.r("The card ", props: #"<w:u w:val="single"/>"#) + F.r("text", props: #"<w:highlight w:val="cyan"/>"#) + "</w:p>"
            + F.p(nil, F.r("More card."))
        let o = try outline(body)
        #expect(o.claims[0].cite?.text == "Paperson 14 — (La Paperson, 2014)")
        #expect(o.claims[0].cite?.short == "Paperson 14")
        #expect(o.claims[0].evidence == "__The card __==text==\n\nMore card.")
    }
}

@Suite struct CiteNoteTests {
    @Test func aShortNoteAboveTheCiteStaysWithTheCite() throws {
        let body = F.p("Heading4", F.r("Tag")) + F.p(nil, F.r("<<<inserted for reference>>>"))
            + F.p(nil, F.r("Dyre 22", style: "Style13ptBold"), F.r(" [Kelly Dyre]")) + F.p(nil, F.r("card", style: "StyleUnderline"))
        let o = try outline(body)
        #expect(o.claims[0].cite?.text == "<<<inserted for reference>>>\nDyre 22 [Kelly Dyre]")
        #expect(o.claims[0].evidence == "__card__")
        #expect(o.claims[0].warrant == nil)
    }
}

@Suite struct CardWithoutCiteTests {
    @Test func markedTextUnderATagWithNoCiteIsEvidence() throws {
        let body = F.p("Heading4", F.r("Tag with its cite inside"))
            + F.p(nil, F.r("Card ", props: #"<w:u w:val="single"/>"#), F.r("text", props: #"<w:u w:val="single"/><w:highlight w:val="cyan"/>"#))
            + F.p(nil, F.r("More card."))
        let o = try outline(body)
        #expect(o.claims[0].cite == nil)
        #expect(o.claims[0].evidence == "__Card ==text==__\n\nMore card.")
        #expect(o.claims[0].warrant == nil)
        #expect(o.warnings.map(\.code) == ["card-without-cite"])
    }

    @Test func aLineBreakInsideAParagraphStaysOneLineBreak() throws {
        let body = F.p("Heading4", F.r("Tag")) + F.p(nil, F.r("Smith 20", style: "Style13ptBold"), F.r(" [Jane Smith]"))
            + "<w:p>" + F.r("1. one;", props: #"<w:u w:val="single"/>"#) + "<w:r><w:br/></w:r>" + F.r("2. two") + "</w:p>"
        let o = try outline(body)
        #expect(o.claims[0].evidence == "__1. one;__\n2. two")
    }

    @Test func theCiteIsKeptWordForWordAndACiteWithNoCardStays() throws {
        let body = F.p("Heading4", F.r("Tag")) + F.p(nil, F.r("Smith 20", style: "Style13ptBold"), F.r(" (2020):\u{00A0}1-9,  Journal"))
            + F.p(nil, F.r("card", style: "StyleUnderline"))
            + F.p("Heading4", F.r("Only a cite")) + F.p(nil, F.r("Jones 19", style: "Style13ptBold"), F.r(" [Ann Jones]"))
        let o = try outline(body)
        #expect(o.claims[0].cite?.text == "Smith 20 (2020):\u{00A0}1-9,  Journal")
        #expect(o.claims[1].cite?.text == "Jones 19 [Ann Jones]" && o.claims[1].evidence == nil)
    }

    @Test func aBreakInTheCiteIsNotSplitWhenUnmarkedTextFollowsIt() throws {
        let body = F.p("Heading4", F.r("Tag"))
            + "<w:p>" + F.r("Smith 20", style: "Style13ptBold") + "<w:r><w:br/></w:r>" + F.r("[Jane Smith, professor]") + "</w:p>"
            + F.p(nil, F.r("card", style: "StyleUnderline"))
        let o = try outline(body)
        #expect(o.claims[0].cite?.text == "Smith 20\n[Jane Smith, professor]")
        #expect(o.claims[0].evidence == "__card__")
    }
}

@Suite struct ImportedPositionTests {
    @Test func headingsNamingAPositionDeclareItAndAnswersDoNot() throws {
        let body = F.p("Heading2", F.r("Spending DA")) + F.p("Heading3", F.r("Link"))
            + F.p("Heading4", F.r("Plan costs money")) + F.p("Heading2", F.r("A2 Courts CP")) + F.p("Heading4", F.r("Perm do both"))
        let word = try DocxReader.read(data: try F.docx(body: body))
        let document = try VerbatimImport(moduleID: "mid", side: .con).build(word, path: "x/1NC.docx")
        #expect(document.declaredPositions.map(\.kind) == [.disadvantage])
        #expect(document.entries[0].position == "mid.d-1nc.position-spending-da")
        #expect(document.entries[1].position == nil)
    }
}

@Suite struct ShortCiteTests {
    @Test func theShortCiteIsAlwaysAStretchOfTheCiteText() {
        #expect(CiteReader.located("Smith 20", in: "Smith\u{00A0}20 [Jane Smith]") == "Smith\u{00A0}20")
        #expect(CiteReader.located("LEE ’19", in: "Dong Sun LEE IR @ Korea University ’19") == "LEE")
        #expect(CiteReader.located("Smith 20", in: "Smith 20 [x]") == "Smith 20")
        #expect(CiteReader.located("Nobody", in: "Smith 20") == "")
    }
}

@Suite struct CiteInTheTagParagraphTests {
    @Test func aCiteLineAfterABreakInTheTagIsTheCite() throws {
        let body = "<w:p><w:pPr><w:pStyle w:val=\"Heading4\"/></w:pPr>" + F.r("The PRC is an empire.") + "<w:r><w:br/></w:r>"
            + F.r("McGranahan 19", props: #"<w:b/><w:sz w:val="26"/>"#) + F.r(" - (Carole McGranahan, anthropologist)") + "</w:p>"
            + F.p(nil, F.r("Settler ", props: #"<w:u w:val="single"/>"#), F.r("colonialism", props: #"<w:highlight w:val="green"/>"#))
            + "<w:p><w:pPr><w:pStyle w:val=\"Heading4\"/></w:pPr>" + F.r("A. (link 1)") + "<w:r><w:br/></w:r>" + F.r("B. (link 2)") + "</w:p>"
        let o = try outline(body)
        #expect(o.claims[0].tag == "The PRC is an empire.")
        #expect(o.claims[0].cite?.text == "McGranahan 19 - (Carole McGranahan, anthropologist)")
        #expect(o.claims[0].evidence == "__Settler __==colonialism==")
        // A second line that is no cite stays in the tag.
        #expect(o.claims[1].tag == "A. (link 1) B. (link 2)" && o.claims[1].cite == nil)
    }
}
