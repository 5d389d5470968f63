import XCTest
@testable import ClaimTrackCore

/// Who said it, as real web news writes it (issue 16): speakers, kinds and quotations that are no
/// claims. Every text here is written for the test.
final class WebSpeakerTests: XCTestCase {
    func extraction(_ text: String) throws -> Extraction {
        let article = try ArticleReader.parse(Array(text.utf8), path: "w.txt", format: .text).get()
        return Extractor().extract(article)
    }

    /// Whether the text gives a claim at all.
    func kept(_ text: String) throws -> Bool { try !extraction(text).claims.isEmpty }

    /// "source|kind=resolved(by)" of every report (stances left out).
    func speakers(_ text: String) throws -> [String] {
        try extraction(text).attributions.filter { !$0.stance }.map {
            "\($0.source)|\($0.kind.rawValue)=\($0.resolved ?? "-")" + ($0.resolvedBy.map { "(\($0.rawValue))" } ?? "")
        }
    }

    func testResolvedBySaysHowTheNameWasFound() throws {
        XCTAssertEqual(try speakers("Senator Jane Holt spoke on Monday. Holt said 40 ships were lost in 2025. She added that 12 were found."),
                       ["Holt|person=Senator Jane Holt(surname)", "She|person=Senator Jane Holt(pronoun)"])
        XCTAssertEqual(try speakers("Gov. Alan Brooks visited the port on Monday. The governor said 200 buses would be bought by 2027."),
                       ["The governor|person=Gov. Alan Brooks(description)"])
        let json = ExtractFormatter.json(try extraction("Senator Jane Holt spoke on Monday. Holt said 40 ships were lost in 2025.")).serialized(pretty: false)
        XCTAssertTrue(json.contains("\"resolved_by\":\"surname\"") || json.contains("\"resolved_by\": \"surname\""), json)
    }

    func testAPronounContinuesTheSubjectNotTheNearestName() throws {
        let text = "Tim Morrison was the third witness who listened in on the call with President Volodymyr Zelensky. "
            + "He said 12 officials had access to the summary."
        XCTAssertEqual(try speakers(text), ["He|person=Tim Morrison(pronoun)"])
    }

    func testAPersonDescriptionBetweenKeepsThePronounNameless() throws {
        // The son is named; the father speaks. Nearness alone would give the son's name.
        let text = "Tom Reyes, 45, was arrested in Bayside on Monday. His father arrived at the station two hours later. "
            + "“We were told nothing for 14 hours,” he said."
        XCTAssertEqual(try speakers(text), ["he|person=-"])
    }

    func testAnUnresolvedPronounOfTheSameGenderStopsTheSearch() throws {
        let text = "The report was sent to the board in 2024. She gave me an email address for Ford’s sister, Martha Fry. "
            + "“I cannot believe Martha would not want his 12 books back in print,” she said."
        XCTAssertEqual(try speakers(text), ["she|person=-"], "the speaker is whoever the first \"She\" is, not Martha Fry")
    }

    func testASurnameAloneIsAMentionOfThePersonMetBefore() throws {
        // No cue makes "Young" a source here: only the surname stands for Tom Young, nearer than Frank Lucas.
        let text = "Tom Young testified on Tuesday. Frank Lucas asked about the 2024 budget. "
            + "Young, in his testimony, was adamant about the plan. “It will take until 2028,” he said."
        XCTAssertEqual(try speakers(text).last, "he|person=Tom Young(pronoun)")
    }

    func testAGenericDescriptionNamesOnlyASpeakerOrSubject() throws {
        let named = "The WeWorkers Coalition said 1,000 workers were affected. WeWork reached a deal with JLL on Monday. "
            + "The group said employees were told to sign by Monday."
        XCTAssertEqual(try speakers(named).last, "The group|organization=-",
                       "JLL and WeWork stand between the coalition and \"the group\"")
        let alone = "The WeWorkers Coalition said 1,000 workers were affected. The group said employees were told to sign by Monday."
        XCTAssertEqual(try speakers(alone).last, "The group|organization=WeWorkers Coalition(description)")
    }

    func testKindsOfWebSources() throws {
        XCTAssertEqual(try speakers("Alex Horton of the Washington Post reported that 12 people were hurt.").first?.split(separator: "=").first,
                       "Alex Horton of the Washington Post|person", "a person with an affiliation is a person")
        XCTAssertEqual(try speakers("Toyota said sales rose 4% in October.").first?.split(separator: "=").first, "Toyota|organization")
        XCTAssertEqual(try speakers("Senator Jane Holt spoke on Monday. Holt said 40 ships were lost in 2025.").first?.split(separator: "=").first,
                       "Holt|person", "a surname met before stays a person")
        XCTAssertEqual(try speakers("Officials said 40 ships were lost in 2025.").first?.split(separator: "=").first, "Officials|vague")
        XCTAssertEqual(try speakers("A source said 40 ships were lost in 2025.").first?.split(separator: "=").first, "A source|anonymous")
        XCTAssertEqual(try speakers("The patient said the 2019 treatment worked.").first?.split(separator: "=").first, "The patient|person")
    }

    func testWordsThatOnlyLookLikeCuesAreNone() throws {
        // Stances included: none of these is any kind of attribution.
        func all(_ text: String) throws -> [String] { try extraction(text).attributions.map { "\($0.source)|\($0.cue)" } }
        XCTAssertEqual(try all("That said, the malware infected 40,000 computers in 2019."), [])
        XCTAssertEqual(try all("The alleged killer was arrested in Ohio on Monday."), [])
        XCTAssertEqual(try all("The crew lists showed 12 sailors aboard the ship in May."), [])
        XCTAssertEqual(try all("The publishing giant cut 300 jobs in March."), [])
        XCTAssertEqual(try all("Big Machine has denied Swift’s claims, saying in 2019 they were false."), ["Big Machine|has denied", "Big Machine|saying"],
                       "a noun after a possessive")
        XCTAssertEqual(try speakers("People close to her said the plan was dropped in 2019.").count, 1, "\"her\" is no article here")
    }

    func testCoordinatedPassiveInvertedAndTranscriptSources() throws {
        XCTAssertEqual(try speakers("He and former Secretary of State Condoleezza Rice both said the treaty was signed in 1987."),
                       ["He|person=-", "former Secretary of State Condoleezza Rice|person=-"])
        XCTAssertEqual(try speakers("Procter and Gamble said sales rose 4% in 2019.").count, 1, "a company's name stays whole")
        XCTAssertEqual(try speakers("Noel and Thomas both said the checks were made in August.").count, 2, "\"both\" says they are two")
        XCTAssertEqual(try speakers("The figure was disputed by Jane Holt in a commentary published in May."),
                       ["Jane Holt|person=-"])
        XCTAssertEqual(try speakers("The ocean warmed by 2 degrees since 1990, say oceanographers."), ["oceanographers|vague=-"])
        XCTAssertEqual(try speakers("Tom Reyes told the Herald that 40 ships were lost in 2025."), ["Tom Reyes|person=-"],
                       "the outlet he spoke to is the medium, not a source")
        XCTAssertEqual(try speakers("Senator Jane Holt spoke to the committee on Monday.\n\nHOLT: We lost 40 ships in 2025 and 12 more in January."),
                       ["HOLT|person=Senator Jane Holt(surname)"])
    }

    func testReportedViewsContactLinesAndHedges() throws {
        XCTAssertFalse(try kept("Experts say the upside will be capped for the market in the near term."), "a forecast with nothing to check")
        XCTAssertTrue(try kept("Experts say the index rose 4% in October."), "a figure")
        XCTAssertTrue(try kept("The army said it was withholding the names of those killed until next of kin could be told."))
        XCTAssertFalse(try kept("Jane Holt may be reached at jholt@example.com or 555-0100."))
        XCTAssertFalse(try kept("Follow him on Twitter for the 2024 campaign coverage."))
        XCTAssertEqual(Extractor.hedges(in: "Prime Minister Theresa May said the deal was signed in May."), [], "a name and a month")
        XCTAssertEqual(Extractor.hedges(in: "The suspect may have fled, and an estimated 300 people were evacuated."), ["may have", "an estimated"])
        XCTAssertEqual(Extractor.hedges(in: "He is presumed to have left in 2019, and the ship reportedly sank."), ["is presumed to", "reportedly"])
    }

    func testQuotationsAreJudgedByTheirWords() throws {
        XCTAssertFalse(try kept("“It was a very difficult situation for us,” Lopez said."), "a view")
        XCTAssertFalse(try kept("“You never know what happens when you play here,” Lopez said."), "a view in the second person")
        XCTAssertTrue(try kept("“We laid off 300 workers at the plant,” Lopez said."), "a number")
        XCTAssertTrue(try kept("“All on board were killed in the crash,” Mujahid said."), "a report without a number")
        XCTAssertTrue(try kept("“We have agreed to grant all licenses of our artists,” the company said."), "a company's first person")
        XCTAssertTrue(try kept("Lopez said the situation was very difficult for the team after 2019."), "not a quotation")
    }

    func testADescriptionTiedToANameByTheTextIsThatName() throws {
        // The description opens the source and the name stands beside it; "the company" after it is that name.
        let apposed = "A row involving Taylor Swift is coming to an end. The group that owns most of her music, Big Machine, says she will be allowed to play 12 old tracks. "
            + "Swift got support from 40 artists last week. But the company says she did not need its permission in 2019."
        XCTAssertEqual(try speakers(apposed), ["The group that owns most of her music, Big Machine|organization=Big Machine(appositive)",
                                               "the company|organization=Big Machine(description)"])
        // The name stands between commas after "The group": a later "the group" is it, whoever stands between.
        let tied = "The group, WeWorkers Coalition, formed in recent weeks and sent a letter to 200 managers. "
            + "WeWork reached a deal with JLL on Monday. The group announced that 1,000 workers would move."
        XCTAssertEqual(try speakers(tied).last, "The group|organization=WeWorkers Coalition(description)")
    }

    func testAnOccupationOpeningASentenceContinuesTheSubjectBefore() throws {
        let agent = "Eyamba Sowers did not know Patrick was coming to the meeting on Tuesday. "
            + "The real estate agent said she had been raised in a single-parent home in 1980."
        XCTAssertEqual(try speakers(agent), ["The real estate agent|person=Eyamba Sowers(description)"])
        // A relation is someone else: the father of the man named before is not that man.
        let father = "Tom Reyes was arrested in Bayside on Monday. The father said he was told nothing for 14 hours."
        XCTAssertEqual(try speakers(father), ["The father|person=-"])
        // Not when the description stands later in its sentence, nor after a sentence with no subject named.
        let later = "Eyamba Sowers did not know Patrick was coming. On Tuesday, the real estate agent said 40 homes were sold."
        XCTAssertEqual(try speakers(later), ["the real estate agent|person=-"])
        let company = "Volkswagen Group is building an electric wagon for 2025. The German automaker, which makes 9 million cars a year, "
            + "says the wagon will go 300 miles on one charge."
        let automaker = try speakers(company)
        XCTAssertEqual(automaker.last?.hasSuffix("=Volkswagen Group(description)"), true, automaker.description)
    }

    func testAPronounTakesThePersonItsOwnSentenceIntroduces() throws {
        let text = "Selling a product is difficult, Michelle Hege said. “It is important work,” Hege said in 2019. "
            + "While the campaign did not appeal to Julie Graham, a state public information officer, she said she did not want to judge it."
        XCTAssertEqual(try speakers(text).filter { $0.hasPrefix("she|") }.first, "she|person=Julie Graham(pronoun)")
    }

    func testAGenerationSuffixIsNoSurname() throws {
        // "Carlineo" is Patrick Carlineo Jr.: the subject "he" continues, not Omar nearer to it.
        let text = "Patrick Carlineo Jr. was sentenced on Tuesday for threatening Rep. Ilhan Omar. Carlineo was arrested in April for a call to Omar’s office "
            + "in 2019, in which he said he would harm her."
        XCTAssertEqual(try speakers(text).first, "he|person=Patrick Carlineo Jr(pronoun)")
    }

    func testCoordinatedAndInvertedCuesAfterCommas() throws {
        XCTAssertEqual(try speakers("She did not give a date for the 2022 mission, but said SpaceX would fly Starship 12 times."),
                       ["She|person=-"])
        XCTAssertEqual(try speakers("While the dollar rose in October, the greenback may weaken, said Juan Perez, senior trader at Tempus Inc."),
                       ["Juan Perez, senior trader at Tempus Inc|person=-"])
    }

    func testKindsOfOutletPeopleAndBodiesWithThe() throws {
        XCTAssertEqual(try speakers("NPR’s Feng said 40 people were infected in 2020."), ["NPR’s Feng|person=-"])
        XCTAssertEqual(try speakers("The Afghan Taliban said 12 soldiers were killed on Monday."), ["The Afghan Taliban|organization=-"])
        XCTAssertEqual(try speakers("TheWrap reported that the film earned $12 million in 2019."), ["TheWrap|outlet=-"])
        XCTAssertEqual(try speakers("The scan showed 40 nodules in both lungs in 2019."), ["The scan|document=-"])
    }

    func testJokesViewsThanksAndNoCommentAreNoClaims() throws {
        XCTAssertFalse(try kept("“I almost died there in the third set,” Bublik said, jokingly."), "a joke")
        XCTAssertFalse(try kept("“I think Guido helped me a lot and I played unreal tennis,” Opelka said."), "the speaker's own view, names or not")
        XCTAssertTrue(try kept("“I think we lost 300 jobs at the plant,” Opelka said."), "a number")
        XCTAssertFalse(try kept("“We have no further comment on the matter at this time,” they said."))
        XCTAssertFalse(try kept("“I just want to be able to perform my own music,” she said."), "a want")
        XCTAssertFalse(try kept("“I’m so grateful for everything he has done for me,” he said."), "thanks")
        XCTAssertFalse(try kept("Good luck and hope to see you again my friend Harry Kane. pic.twitter.com/dUO6AJ"), "an embedded post")
    }

    func testEventsWithoutNamesAreClaimsPlansAndConditionsAreNot() throws {
        XCTAssertTrue(try kept("The officers, having inspected the room, left without finding the child."), "what happened")
        XCTAssertTrue(try kept("The patient was given steroids and switched his bedding to synthetic materials."), "what was done")
        XCTAssertFalse(try kept("We were thrilled with how the whole evening turned out for everyone."), "someone's own voice")
        XCTAssertFalse(try kept("It was a great night for the fans and the players alike."), "a judgement")
        XCTAssertFalse(try kept("“But eventually we’ll have to get much closer to Europa,” he said."), "a plan")
        XCTAssertTrue(try kept("“We will close the Ohio plant in 2026 and cut 300 jobs,” he said."), "a plan with figures")
        XCTAssertTrue(try kept("“Sondland replied that he is going to do it and that Zelensky will,” Holmes testified."), "reported speech")
        XCTAssertFalse(try kept("If he doesn’t play on Saturday, either Jacob Clark or Cole Kramer would start."), "a condition")
    }

    func testCrowdsAndTextsAreKnownByTheirHeadNounWhateverNamesFollow() throws {
        XCTAssertEqual(try speakers("Some White House advisers said the tariffs would go in 2020."), ["Some White House advisers|vague=-"])
        XCTAssertEqual(try speakers("Fifty-one percent say that the call in July was wrong."), ["Fifty-one percent|vague=-"])
        XCTAssertEqual(try speakers("Authorities in Beijing said 28 people were put under quarantine."), ["Authorities in Beijing|vague=-"])
        XCTAssertEqual(try speakers("Teachers say 40 schools closed on Monday."), ["Teachers|vague=-"])
        XCTAssertEqual(try speakers("Sen. Bernie Sanders was in Ohio. Sanders said 40 schools closed on Monday."),
                       ["Sanders|person=Sen. Bernie Sanders(surname)"], "a surname ending like a plural")
        XCTAssertEqual(try speakers("About 1,800 papers have closed since 2004, according to a 2018 survey by Penelope Muse Abernathy of the University of Ohio."),
                       ["a 2018 survey by Penelope Muse Abernathy of the University of Ohio|document=-"])
        XCTAssertEqual(try speakers("Some reports suggest 200 people were killed in November."), ["Some reports|document=-"])
        XCTAssertEqual(try speakers("State media reported 12 deaths in Tehran on Sunday."), ["State media|outlet=-"])
    }

    func testWhatANameIsCalledSaysItsKind() throws {
        XCTAssertEqual(try speakers("Acme, a global software provider based in Ohio, announced 300 new jobs in 2020."),
                       ["Acme, a global software provider based in Ohio|organization=Acme(appositive)"])
        XCTAssertEqual(try speakers("The Harbor Daily, the mouthpiece of the ruling party, warned that 40 ships were seized."),
                       ["The Harbor Daily, the mouthpiece of the ruling party|outlet=-"], "not a person's possessive")
        XCTAssertEqual(try speakers("Amnesty International said 106 protesters were killed in 21 cities."), ["Amnesty International|organization=-"])
        XCTAssertEqual(try speakers("The National Institute on Drug Abuse estimated that 964,000 people had the disorder."),
                       ["The National Institute on Drug Abuse|organization=-"], "not the outlet The National")
        XCTAssertEqual(try speakers("A case was reported on Monday, according to the Xinhua News Agency. The patient had eaten a rabbit, the news agency said."),
                       ["the Xinhua News Agency|outlet=-", "the news agency|outlet=Xinhua(description)"])
    }

    func testSpeculationPraiseAndAsidesAreNoClaims() throws {
        XCTAssertFalse(try kept("Voters could have shown they were tired of Democratic investigations."), "what could have been")
        XCTAssertFalse(try kept("It would also allow the Democratic candidates in the Senate to campaign through the primaries."), "what would be")
        XCTAssertTrue(try kept("The counselor was having lunch with Sondland in Kyiv and Holmes could hear Trump’s voice."), "what someone could do")
        XCTAssertTrue(try kept("Upon hearing the news that she would be advancing, Brooke offered her spot to Van Der Beek."), "a clause after 'that'")
        XCTAssertTrue(try kept("The Hong Kong Act, under consideration by the Senate on Monday, would impose sanctions on officials."), "a date")
        XCTAssertFalse(try kept("“Governor Bevin has done a wonderful job for the people of Kentucky!”"), "praise, names or not")
        XCTAssertTrue(try kept("“We laid off 300 workers in Kentucky, a terrible day,” she said."), "praise or feeling with a figure")
        XCTAssertFalse(try kept("If anything, this was the cycle where health care made the difference in Kentucky."), "the writer's aside")
        XCTAssertFalse(try kept("Of course, the Florida slogan was the talk of Twitter that week."), "the writer’s aside")
        XCTAssertTrue(try kept("Yes this is real and yes the state spent nearly half a million dollars on it."), "no comma: no aside")
    }

    func testAColonInsideAQuotationOrACreditLineIsNoTurn() throws {
        XCTAssertEqual(try speakers("Senator Jane Holt spoke to the committee on Monday.\n\n“HOLT: We lost 40 ships in 2025 and 12 more in January.”"),
                       ["HOLT|person=Senator Jane Holt(surname)"], "a quoted transcript turn in capitals")
        XCTAssertEqual(try speakers("The slogan was printed on 4,000 shirts in 2019.\n\n“Bayside County: the best place to start a business in Ohio,” the mayor said."),
                       ["the mayor|person=-"], "a place and a colon in the speaker's own words")
        XCTAssertEqual(try speakers("The port reopened on Monday after 12 days.\n\nContributing: Jane Holt and Tom Reyes"), [], "a credit line")
    }

    func testARelativeClauseEndingInANameIsAnAppositive() throws {
        XCTAssertEqual(try speakers("The company that runs the Bayside Awards, Harbor Light Productions, said 12 artists had asked to perform in 2026.").first,
                       "The company that runs the Bayside Awards, Harbor Light Productions|organization=Harbor Light Productions(appositive)")
    }

    func testAFirstNameAloneIsThePersonMetByIt() throws {
        XCTAssertEqual(try speakers("Mike Ford was born in 1957. In 1997, Elise interviewed Mike for a convention. “I wrote 40 pages in 2005,” he said."),
                       ["he|person=Mike Ford(pronoun)"])
        XCTAssertEqual(try speakers("Mike Ford and Mike Reyes were born in 1957. In 1997, Elise interviewed Mike for a convention. “I wrote 40 pages in 2005,” he said."),
                       ["he|person=-"], "two Mikes: no name")
    }
}
