/// The gender a first name tells, from the census lists bench/given_names.py derives into
/// `GivenNameData`: "Tina" is a woman's name, "Mike" a man's, "Robin" and "Kim" neither. Names
/// another language gives the other gender (Italian "Andrea", Russian "Sasha") tell nothing
/// (`Lexicon.givenNamesOfEitherGender`).
enum GivenNames {
    static let female = names(GivenNameData.female)
    static let male = names(GivenNameData.male)

    private static func names(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: \.isWhitespace).map(String.init)).subtracting(Lexicon.givenNamesOfEitherGender)
    }

    /// The gender of a lower-cased first name, if the lists tell one.
    static func gender(_ lower: String) -> Extractor.Gender? {
        if female.contains(lower) { return .female }
        if male.contains(lower) { return .male }
        return nil
    }
}
