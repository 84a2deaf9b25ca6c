import CampaignLang
import DataReader

/// Reading one attribute of a contact row straight into its column (see
/// `ContactReadPlan`). A row's attributes go in one after another; when one does not
/// fit, `dropPartialContact` takes the row's first ones off again (rare: a bad row).
extension Loader {
  /// What reading one attribute found.
  enum AttributeRead {
    /// A value, appended to the column.
    case present
    /// No value: a missing one was appended (the caller decides if that is allowed).
    case missing
    /// The text is not a value of the attribute's type: nothing was appended.
    case failed(ValueError)
  }

  /// `true` and `false` as `StringPool.word` packs them: the booleans of nearly every
  /// file, matched as one word before `ValueParser.bool` reads any other spelling.
  private static let trueWord: UInt64 = 0x65_7572_74
  private static let falseWord: UInt64 = 0x65_736C_6166

  /// Reads attribute `index` of `reader`'s current row into its column.
  @inline(__always)
  mutating func appendAttribute(_ reader: some RecordReader, _ index: Int, plan: ContactReadPlan) -> AttributeRead {
    switch plan.reads[index] {
    case .key:
      // Read with its look-up, once the row is known to fit.
      return .present
    case .presence:
      let present = reader.field(index) { bytes in bytes.map { !$0.isEmpty } ?? false }
      contacts.columns[index].appendMissing()
      return present ? .present : .missing
    case .text:
      let id = reader.field(index) { bytes in
        guard let bytes, !bytes.isEmpty else { return Column.missingCode }
        return pool.intern(bytes)
      }
      return appendCode(id, to: index)
    case .enumCase:
      let found: Int32? = reader.field(index) { bytes in
        guard let bytes, !bytes.isEmpty else { return Column.missingCode }
        return plan.caseNames[index].find(bytes).map { Int32($0) }
      }
      guard let found else { return appendParsed(reader, index, plan: plan) }
      return appendCode(found, to: index)
    case .bool:
      let flag: Int32? = reader.field(index) { bytes in
        guard let bytes, !bytes.isEmpty else { return Column.missingCode }
        guard bytes.count == 4 || bytes.count == 5 else { return nil }
        let word = StringPool.word(bytes)
        return word == Loader.trueWord ? 1 : word == Loader.falseWord ? 0 : nil
      }
      guard let flag else { return appendParsed(reader, index, plan: plan) }
      return appendCode(flag, to: index)
    case .date:
      let days: Int64? = reader.field(index) { bytes in
        guard let bytes else { return Column.missingInteger }
        do {
          return try ValueParser.daysSinceEpoch(bytes) ?? Column.missingInteger
        } catch {
          return nil
        }
      }
      guard let days else { return appendParsed(reader, index, plan: plan) }
      contacts.columns[index].integers.append(days)
      return days == Column.missingInteger ? .missing : .present
    case .decimal:
      let number: ExactDecimal?? = reader.field(index) { bytes in
        guard let bytes else { return .some(nil) }
        do {
          return .some(try ValueParser.decimal(bytes))
        } catch {
          return nil
        }
      }
      guard let number else { return appendParsed(reader, index, plan: plan) }
      guard let number else {
        contacts.columns[index].decimalRows.append(Column.missingCode)
        return .missing
      }
      contacts.columns[index].decimalRows.append(Int32(contacts.columns[index].decimals.count))
      contacts.columns[index].decimals.append(number)
      return .present
    case .other:
      return appendParsed(reader, index, plan: plan)
    }
  }

  @inline(__always)
  private mutating func appendCode(_ code: Int32, to index: Int) -> AttributeRead {
    contacts.columns[index].codes.append(code)
    return code == Column.missingCode ? .missing : .present
  }

  /// Reads attribute `index` through `ValueParser` by its kind, as a `Value`: the way
  /// for kinds without a fast path, and for text a fast path does not take (another
  /// spelling, or a value that does not fit, whose error this finds).
  private mutating func appendParsed(_ reader: some RecordReader, _ index: Int, plan: ContactReadPlan)
    -> AttributeRead
  {
    switch read(reader, column: index, kind: plan.kinds[index]) {
    case .failure(let error): return .failed(error)
    case .success(let value):
      contacts.columns[index].append(value ?? .missing)
      return value == nil ? .missing : .present
    }
  }

  /// Takes the attributes a rejected contact row has put in their columns off again.
  mutating func dropPartialContact() {
    for index in contacts.columns.indices where contacts.columns[index].count > contacts.count {
      contacts.columns[index].removeLast()
    }
  }
}
