/// A stable diagnostic code such as `E0301`. Codes never change meaning once published;
/// `E` codes are errors and `W` codes warnings. Every code is listed, with its
/// documentation, in `DiagnosticCatalogue`.
public struct DiagnosticCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }

  public var defaultSeverity: Severity { rawValue.hasPrefix("W") ? .warning : .error }

  public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}

// MARK: - Lexical errors (E01xx)

extension DiagnosticCode {
  public static let invalidCharacter = DiagnosticCode("E0101")
  public static let invalidUTF8 = DiagnosticCode("E0102")
  public static let curlyQuote = DiagnosticCode("E0103")
  public static let unusualSpace = DiagnosticCode("E0104")
  public static let dash = DiagnosticCode("E0105")
  public static let unterminatedString = DiagnosticCode("E0106")
  public static let invalidEscape = DiagnosticCode("E0107")
  public static let numberTooLarge = DiagnosticCode("E0108")
  public static let malformedLiteral = DiagnosticCode("E0109")
  public static let symbolOperator = DiagnosticCode("E0110")
}

// MARK: - Syntax errors (E02xx)

extension DiagnosticCode {
  public static let unexpectedToken = DiagnosticCode("E0201")
  public static let missingBrace = DiagnosticCode("E0202")
  public static let assignInsteadOfEquals = DiagnosticCode("E0203")
  public static let uppercaseKeyword = DiagnosticCode("E0204")
  public static let durationInWords = DiagnosticCode("E0205")
  public static let missingUnit = DiagnosticCode("E0206")
  public static let nestingTooDeep = DiagnosticCode("E0207")
  public static let unknownDeclaration = DiagnosticCode("E0208")
  public static let unknownStatement = DiagnosticCode("E0209")
  public static let emptyFile = DiagnosticCode("E0210")
}

// MARK: - Names and imports (E03xx)

extension DiagnosticCode {
  public static let unknownName = DiagnosticCode("E0301")
  public static let unknownEvent = DiagnosticCode("E0302")
  public static let unknownState = DiagnosticCode("E0303")
  public static let unknownChannel = DiagnosticCode("E0304")
  public static let unknownField = DiagnosticCode("E0305")
  public static let unknownVariant = DiagnosticCode("E0306")
  public static let unknownCounter = DiagnosticCode("E0307")
  public static let unknownEnumCase = DiagnosticCode("E0308")
  public static let unknownTimezone = DiagnosticCode("E0309")
  public static let unknownType = DiagnosticCode("E0310")
  public static let duplicate = DiagnosticCode("E0311")
  public static let importNotFound = DiagnosticCode("E0312")
  public static let importOutsideProject = DiagnosticCode("E0313")
  public static let importCycle = DiagnosticCode("E0314")
  public static let headerInLibrary = DiagnosticCode("E0315")
}

// MARK: - Types and values (E04xx)

extension DiagnosticCode {
  public static let typeMismatch = DiagnosticCode("E0401")
  public static let notACondition = DiagnosticCode("E0402")
  public static let mixedUnits = DiagnosticCode("E0403")
  public static let numberNeedsUnit = DiagnosticCode("E0404")
  public static let unguardedOptional = DiagnosticCode("E0405")
  public static let restrictedTargeting = DiagnosticCode("E0406")
  public static let badArguments = DiagnosticCode("E0407")
  public static let nonPositiveDuration = DiagnosticCode("E0408")
  public static let percentOutOfRange = DiagnosticCode("E0409")
  public static let wrongLiteralType = DiagnosticCode("E0410")
  public static let valueOutOfRange = DiagnosticCode("E0411")
}

// MARK: - Campaign rules (E05xx)

extension DiagnosticCode {
  public static let unreachableThreshold = DiagnosticCode("E0502")
  public static let noInitialState = DiagnosticCode("E0503")
  public static let severalInitialStates = DiagnosticCode("E0504")
  public static let transitionCycle = DiagnosticCode("E0505")
  public static let sendWithoutConsent = DiagnosticCode("E0506")
  public static let variantWeights = DiagnosticCode("E0507")
  public static let pushTooLong = DiagnosticCode("E0508")
  public static let emailWithoutSubject = DiagnosticCode("E0509")
  public static let inAppWithoutTrigger = DiagnosticCode("E0510")
  public static let missingHeader = DiagnosticCode("E0511")
  public static let contactKey = DiagnosticCode("E0512")
  public static let noCooldown = DiagnosticCode("E0513")
  public static let noEngagement = DiagnosticCode("E0514")
  public static let testMissingValue = DiagnosticCode("E0515")
  public static let testWindow = DiagnosticCode("E0516")
}

// MARK: - Suppressions and budgets (E06xx)

extension DiagnosticCode {
  public static let badSuppression = DiagnosticCode("E0601")
  public static let budgetExceeded = DiagnosticCode("E0602")
}

// MARK: - Warnings: unused declarations and suspicious literals (W01xx)

extension DiagnosticCode {
  public static let unusedSegment = DiagnosticCode("W0101")
  public static let unusedScore = DiagnosticCode("W0102")
  public static let unusedVariant = DiagnosticCode("W0103")
  public static let unusedCounter = DiagnosticCode("W0104")
  public static let unusedImport = DiagnosticCode("W0105")
  public static let ambiguousDecimal = DiagnosticCode("W0106")
}

// MARK: - Warnings: states and flows (W02xx)

extension DiagnosticCode {
  public static let unreachableState = DiagnosticCode("W0201")
  public static let deadEndState = DiagnosticCode("W0202")
  public static let unreachableStep = DiagnosticCode("W0203")
}

// MARK: - Warnings: segments (W03xx)

extension DiagnosticCode {
  public static let segmentNeverMatches = DiagnosticCode("W0301")
  public static let duplicateSegment = DiagnosticCode("W0302")
  public static let overlappingPersonas = DiagnosticCode("W0303")
}

// MARK: - Warnings: timing, limits and channels (W04xx)

extension DiagnosticCode {
  public static let cooldownOutlastsState = DiagnosticCode("W0401")
  public static let waitOutlastsState = DiagnosticCode("W0402")
  public static let limitAlwaysExceeded = DiagnosticCode("W0403")
  public static let sendNotMeasured = DiagnosticCode("W0404")
  public static let guardrailUnusedChannel = DiagnosticCode("W0405")
  public static let sendInCooldown = DiagnosticCode("W0406")
}

// MARK: - Warnings: suppressions (W05xx)

extension DiagnosticCode {
  public static let unusedSuppression = DiagnosticCode("W0501")
}
