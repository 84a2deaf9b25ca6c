import CampaignLang
import DataReader

/// Reading one attribute of a contact row into its cell of the stage (see
/// `ContactReadPlan`, `ContactStage`).
extension Loader {
  /// What reading one attribute found.
  enum AttributeRead {
    /// A value, staged.
    case present
    /// No value: a missing one was staged (the caller decides if that is allowed).
    case missing
    /// The text is not a value of the attribute's type.
    case failed(ValueError)
  }

  /// `true` and `false` as `StringPool.word` packs them: the booleans of nearly every
  /// file, matched as one word before `ValueParser.bool` reads any other spelling.
  private static let trueWord: UInt64 = 0x65_7572_74
  private static let falseWord: UInt64 = 0x65_736C_6166

  /// Reads attribute `index` of `reader`'s current row into row `stage.count` of the
  /// stage.
  @inline(__always)
  mutating func stageAttribute(
    _ reader: some RecordReader, _ index: Int, plan: ContactReadPlan, stage: ContactStage
  ) -> AttributeRead {
    let cell = stage.cell(index, stage.count)
    switch plan.reads[index] {
    case .key:
      // Read with its look-up, once the row is known to fit.
      return .present
    case .presence:
      return reader.field(index) { bytes in bytes.map { !$0.isEmpty } ?? false } ? .present : .missing
    case .text:
      let id = reader.field(index) { bytes in
        guard let bytes, !bytes.isEmpty else { return Column.missingCode }
        return pool.intern(bytes)
      }
      return stageCode(id, stage: stage, cell: cell)
    case .enumCase:
      let found: Int32? = reader.field(index) { bytes in
        guard let bytes, !bytes.isEmpty else { return Column.missingCode }
        return plan.caseNames[index].find(bytes).map { Int32($0) }
      }
      if let found { return stageCode(found, stage: stage, cell: cell) }
      let cases = plan.cases[index]
      let parsed = parse(reader, index) { (bytes) throws(ValueError) in
        try ValueParser.enumeration(bytes, cases: cases).map { Int32($0) }
      }
      return stageCode(parsed, stage: stage, cell: cell)
    case .bool:
      let flag: Int32? = reader.field(index) { bytes in
        guard let bytes, !bytes.isEmpty else { return Column.missingCode }
        guard bytes.count == 4 || bytes.count == 5 else { return nil }
        let word = StringPool.word(bytes)
        return word == Loader.trueWord ? 1 : word == Loader.falseWord ? 0 : nil
      }
      if let flag { return stageCode(flag, stage: stage, cell: cell) }
      let parsed = parse(reader, index) { (bytes) throws(ValueError) in try ValueParser.bool(bytes).map { $0 ? 1 : 0 } }
      return stageCode(parsed, stage: stage, cell: cell)
    case .date:
      // The parser `ValueParser.date` uses, so its errors are the same.
      let days: Result<Int64, ValueError> = reader.field(index) { bytes in
        guard let bytes else { return .success(Column.missingInteger) }
        return Result { () throws(ValueError) in try ValueParser.daysSinceEpoch(bytes) ?? Column.missingInteger }
      }
      switch days {
      case .failure(let error): return .failed(error)
      case .success(let days):
        stage.integers[cell] = days
        return days == Column.missingInteger ? .missing : .present
      }
    case .decimal:
      let number: Result<ExactDecimal?, ValueError> = reader.field(index) { bytes in
        guard let bytes else { return .success(nil) }
        return Result { () throws(ValueError) in try ValueParser.decimal(bytes) }
      }
      switch number {
      case .failure(let error): return .failed(error)
      case .success(let number):
        stage.decimals[cell] = number
        return number == nil ? .missing : .present
      }
    case .other:
      switch read(reader, column: index, kind: plan.kinds[index]) {
      case .failure(let error): return .failed(error)
      case .success(let value):
        stage.values[cell] = value ?? .missing
        return value == nil ? .missing : .present
      }
    }
  }

  /// A code read (a pool id, a case, a flag; `Column.missingCode`: missing), or what a
  /// slower read found instead.
  enum CodeRead {
    case code(Int32)
    case failed(ValueError)
  }

  @inline(__always)
  private func stageCode(_ code: Int32, stage: ContactStage, cell: Int) -> AttributeRead {
    stage.codes[cell] = code
    return code == Column.missingCode ? .missing : .present
  }

  private func stageCode(_ read: CodeRead, stage: ContactStage, cell: Int) -> AttributeRead {
    switch read {
    case .code(let code): return stageCode(code, stage: stage, cell: cell)
    case .failed(let error): return .failed(error)
    }
  }

  /// Reads attribute `index` with `parse` (a `ValueParser` function): the way for text
  /// a fast path does not take (another spelling, or a value that is not one).
  private func parse(
    _ reader: some RecordReader, _ index: Int, _ parse: (UnsafeBufferPointer<UInt8>) throws(ValueError) -> Int32?
  ) -> CodeRead {
    reader.field(index) { bytes in
      guard let bytes, !bytes.isEmpty else { return .code(Column.missingCode) }
      do throws(ValueError) {
        return .code(try parse(bytes) ?? Column.missingCode)
      } catch {
        return .failed(error)
      }
    }
  }
}
