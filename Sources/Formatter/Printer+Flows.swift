import CampaignLang

/// Flows and their steps, variants and tests.
extension Printer {
  // MARK: - flow

  mutating func flow(_ decl: FlowDecl) {
    begin(at: decl.range.start)
    write("flow \(decl.name.text) for \(decl.state.text)")
    if let condition = decl.condition {
      write(" when ")
      self.condition(condition)
    }
    steps(decl.steps, after: decl.condition?.range.end ?? decl.state.range.end)
    endLine(at: decl.range.end)
  }

  /// A block of steps whose `{` is the first after `offset`. Empty, it is `{}`, unless
  /// an `else` follows (`if C {` and `} else {` on lines of their own read better).
  mutating func steps(_ steps: [Step], after offset: Int, elseFollows: Bool = false) {
    block(after: offset, isEmpty: steps.isEmpty && !elseFollows) { printer in
      for step in steps { printer.step(step) }
    }
  }

  mutating func step(_ step: Step) {
    switch step {
    case .wait(let wait):
      statement(wait.range, "wait " + (wait.duration.map { source($0.range) } ?? "cooldown"))
    case .send(let send):
      begin(at: send.range.start)
      write("send \(send.channel.text) \(source(send.template.range))")
      for option in send.options { write(" " + self.option(option)) }
      unless(send.unless)
      endLine(at: send.range.end)
    case .branch(let branch): self.branch(branch)
    case .exit(let condition, let range):
      begin(at: range.start)
      write("exit")
      unless(condition)
      endLine(at: range.end)
    case .suppress(let channel, let condition, let range):
      begin(at: range.start)
      write("suppress" + (channel.map { " " + $0.text } ?? ""))
      unless(condition)
      endLine(at: range.end)
    case .moveTo(let audience, let condition, let range):
      begin(at: range.start)
      write("move to " + audience.text)
      unless(condition)
      endLine(at: range.end)
    case .setState(let state, let condition, let range):
      begin(at: range.start)
      write("set state " + state.text)
      unless(condition)
      endLine(at: range.end)
    case .increment(let counter, let range): statement(range, "increment " + counter.text)
    case .invalid(let range): statement(range, source(range))
    }
  }

  mutating func unless(_ condition: Expr?) {
    guard let condition else { return }
    write(" unless ")
    self.condition(condition)
  }

  func option(_ option: SendOption) -> String {
    switch option {
    case .variant(let name, _), .trigger(let name, _): option.keyword + " " + name.text
    case .offer(let value, _), .subject(let value, _), .text(let value, _): option.keyword + " " + source(value.range)
    }
  }

  /// `if C {` ... `} else {` ... `}`; `} else if C {` where the source wrote `else if`.
  mutating func branch(_ branch: BranchStep) {
    begin(at: branch.range.start)
    write("if ")
    condition(branch.condition)
    steps(branch.then, after: branch.condition.range.end, elseFollows: branch.otherwise != nil)
    elsePart(of: branch)
    endLine(at: branch.range.end)
  }

  /// ` else {` ... `}` or ` else if C {` ... after a branch's `}`. Comments between the
  /// `}` and `else` stay there, so `else` starts a line of its own after them:
  /// `}`, the comments, then `else {` at the `if`'s indentation.
  mutating func elsePart(of branch: BranchStep) {
    guard let otherwise = branch.otherwise else { return }
    let close = braces(after: branch.condition.range.end).close
    let elseStart = nextToken(after: close + 1)?.range.start ?? close + 1
    let elseEnd = nextToken(after: close + 1)?.range.end ?? close + 1
    if hasComment(before: elseStart) {
      endLine(at: close + 1)
      atBlockStart = true  // no blank line between `}` and `else`
      flushComments(before: elseStart)
      current = "else"
      currentIndent = indent
      atBlockStart = false
    } else {
      write(" else")
    }
    if otherwise.count == 1, case .branch(let nested) = otherwise[0], nextToken(after: elseEnd)?.kind != .leftBrace {
      write(" if ")
      condition(nested.condition)
      steps(nested.then, after: nested.condition.range.end, elseFollows: nested.otherwise != nil)
      elsePart(of: nested)
    } else {
      steps(otherwise, after: elseEnd)
    }
  }

  // MARK: - variant

  mutating func variant(_ decl: VariantDecl) {
    begin(at: decl.range.start)
    write("variant " + decl.name.text)
    commaBlock(after: decl.name.range.end, decl.arms, inline: armInline) { printer, arm in
      printer.begin(at: arm.range.start)
      printer.write(printer.armHead(arm))
      printer.optionalCommaBlock(
        after: arm.weight?.range.end ?? arm.name.range.end, arm.overrides, inline: printer.creative
      ) {
        $0.statement($1.range, $0.creative($1))
      }
      printer.endLine(at: arm.range.end)
    }
    endLine(at: decl.range.end)
  }

  /// `curiosity 45%`, `holdout`
  func armHead(_ arm: VariantArm) -> String {
    arm.name.text + (arm.weight.map { " " + source($0.range) } ?? "")
  }

  /// An arm inside an inline list: its overrides inline too.
  func armInline(_ arm: VariantArm) -> String {
    guard !arm.overrides.isEmpty else { return armHead(arm) }
    return armHead(arm) + " { " + arm.overrides.map(creative).joined(separator: ", ") + " }"
  }

  // MARK: - test

  mutating func test(_ decl: TestDecl) {
    begin(at: decl.range.start)
    write("test " + source(decl.name.range))
    block(after: decl.name.range.end, isEmpty: decl.items.isEmpty) { printer in
      for item in decl.items { printer.testItem(item) }
    }
    endLine(at: decl.range.end)
  }

  mutating func testItem(_ item: TestDecl.Item) {
    switch item {
    case .contact(let fields, let range):
      begin(at: range.start)
      write("contact")
      commaBlock(after: range.start, fields, inline: testField) { $0.statement($1.range, $0.testField($1)) }
      endLine(at: range.end)
    case .event(_, let atRange, let event, let fields, let range):
      begin(at: range.start)
      write("at \(source(atRange)) \(event.text)")
      optionalCommaBlock(after: event.range.end, fields, inline: testField) { $0.statement($1.range, $0.testField($1)) }
      endLine(at: range.end)
    case .expect(let expectation, let range):
      statement(range, "expect " + self.expectation(expectation))
    case .run(_, let untilRange, let range):
      statement(range, "run until " + source(untilRange))
    case .invalid(let range): statement(range, source(range))
    }
  }

  /// `ltv 600`, `intent high`
  func testField(_ field: TestField) -> String { field.name.text + " " + inline(field.value) }

  func expectation(_ expectation: Expectation) -> String {
    switch expectation {
    case .state(let name): "state " + name.text
    case .value(let name, let value): name.text + " " + inline(value)
    case .sends(let channel, let count): "sends " + (channel.map { $0.text + " " } ?? "") + unsigned(count)
    case .segment(let name, let negated): (negated ? "not " : "") + "segment " + name.text
    }
  }
}
