import OnwardCore
import NIOCore

/// Onward's HTML writer: pages are Swift functions that write into one growing array of bytes, which
/// becomes the response's body.
///
/// Escaped by construction. Tag and attribute names, and markup written with `raw`, are
/// `StaticString`s: text written in the source code, never a value a person typed. Every `String`
/// given to the writer (text, attribute values) is escaped (`& < > " '`), in element content and
/// in attribute values alike. There is no way to write a runtime `String` unescaped; the charts
/// draw their SVG with this writer too.
///
/// Static markup is copied straight from the binary into the bytes, without allocating.
///
/// ```swift
/// h.section(.class("card"), .aria("labelledby", "coach-heading")) {
///     h.h2("Your coaches", .id("coach-heading"))
///     h.ul(.class("plain")) { for coach in coaches { h.li(coach) } }
/// }
/// ```
final class HTML {
    // Only this writer touches its bytes, on one thread at a time: the runtime's exclusivity
    // check on each write was a twentieth of a board page's CPU. An array, not NIO's
    // `ByteBuffer`: each of a page's thousands of small writes into a `ByteBuffer` paid its own
    // exclusivity check and a thread-local lookup (8 % of the board's CPU, bench/RESULTS.md).
    @exclusivity(unchecked) private var bytes: [UInt8]
    /// The CSRF token this page's forms carry (see `form`).
    let csrf: String
    /// The hidden field that carries it, written once: a board writes it into two hundred forms.
    private(set) lazy var csrfInput = HTML.fragment { h in h.input(.type("hidden"), .name(CSRF.fieldName), .value(self.csrf)) }

    init(csrf: String = "", capacity: Int = 16_384) {
        self.csrf = csrf
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// What was written, as a response body.
    var body: ByteBuffer { ByteBuffer(bytes: bytes) }

    /// What was written, as text (for tests).
    var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Writing

    @inline(__always)
    private func put(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    private func put(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Markup written in the source code.
    @inline(__always)
    func raw(_ markup: StaticString) {
        put(markup)
    }

    /// Text, escaped.
    func text(_ value: String) {
        var value = value
        value.withUTF8 { Self.writeEscaped($0, into: &bytes) }
    }

    /// Markup this writer made before (`fragment`), written again as it is.
    func insert(_ fragment: HTMLFragment) {
        bytes.append(contentsOf: fragment.bytes)
    }

    /// Writes `build` once into a fragment, to insert as often as a page needs it (the same
    /// move options on every card of a column). Escaped like anything else the writer writes.
    static func fragment(_ build: (HTML) -> Void) -> HTMLFragment {
        let h = HTML(capacity: 256)
        build(h)
        return HTMLFragment(bytes: h.bytes)
    }

    /// `bytes` with `& < > " '` escaped, in runs between the characters that need it.
    private static func writeEscaped(_ text: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        var start = 0
        for index in 0..<text.count {
            let replacement: StaticString
            switch text[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            if index > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index])) }
            replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
            start = index + 1
        }
        if text.count > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<text.count])) }
    }

    // MARK: Elements

    /// `<tag attributes>`, without its end (for void elements such as `input`).
    func open(_ tag: StaticString, _ attributes: [Attribute]) {
        put(UInt8(ascii: "<"))
        put(tag)
        for attribute in attributes { write(attribute) }
        put(UInt8(ascii: ">"))
    }

    func close(_ tag: StaticString) {
        put("</")
        put(tag)
        put(UInt8(ascii: ">"))
    }

    /// `<tag attributes>content</tag>`.
    @inline(__always)
    func element(_ tag: StaticString, _ attributes: [Attribute], _ content: () -> Void) {
        open(tag, attributes)
        let start = bytes.count
        content()
        assert(!Self.holdsCode(tag) || bytes.count == start, "a <\(tag)> element holds no text: its code comes from a file")
        close(tag)
    }

    /// `<tag attributes>text</tag>`.
    func element(_ tag: StaticString, _ attributes: [Attribute], text: String) {
        assert(!Self.holdsCode(tag), "a <\(tag)> element holds no text: its code comes from a file")
        open(tag, attributes)
        self.text(text)
        close(tag)
    }

    /// `script` and `style`, whose text a browser runs or applies rather than shows: escaping
    /// does not make text safe there, so no page writes any (checked in debug builds and tests).
    static func holdsCode(_ tag: StaticString) -> Bool {
        let name = tag.description.lowercased()
        return name == "script" || name == "style"
    }

    func write(_ attribute: Attribute) {
        switch attribute.value {
        case .omitted:
            return
        case .flag:
            put(UInt8(ascii: " "))
            put(attribute.name)
        case .text(let value):
            put(UInt8(ascii: " "))
            put(attribute.name)
            put("=\"")
            text(value)
            put(UInt8(ascii: "\""))
        case .literal(let value):
            put(UInt8(ascii: " "))
            put(attribute.name)
            put("=\"")
            value.withUTF8Buffer { Self.writeEscaped($0, into: &bytes) }
            put(UInt8(ascii: "\""))
        }
    }
}

/// Markup made by the writer (`HTML.fragment`), kept to be inserted again. Nothing else can
/// make one, so it holds only what the writer escaped.
struct HTMLFragment: Sendable {
    fileprivate let bytes: [UInt8]
}

/// The attribute names a page may write: a closed set, so no page can write an event handler
/// (`on…`), a `style`, or any name this list does not hold. A new name is added here, where a
/// reviewer sees it.
struct AttributeName: Sendable {
    let text: StaticString

    private init(_ text: StaticString) {
        self.text = text
    }

    static let accept = AttributeName("accept")
    fileprivate static let action = AttributeName("action")
    static let ariaCurrent = AttributeName("aria-current")
    static let ariaDescribedby = AttributeName("aria-describedby")
    static let ariaHidden = AttributeName("aria-hidden")
    static let ariaInvalid = AttributeName("aria-invalid")
    static let ariaLabel = AttributeName("aria-label")
    static let ariaLabelledby = AttributeName("aria-labelledby")
    static let ariaPressed = AttributeName("aria-pressed")
    static let ariaSort = AttributeName("aria-sort")
    static let autocomplete = AttributeName("autocomplete")
    static let download = AttributeName("download")
    static let charset = AttributeName("charset")
    static let checked = AttributeName("checked")
    static let `class` = AttributeName("class")
    static let content = AttributeName("content")
    static let dataConfirm = AttributeName("data-confirm")
    static let dataCopy = AttributeName("data-copy")
    static let dataStage = AttributeName("data-stage")
    static let `defer` = AttributeName("defer")
    static let enctype = AttributeName("enctype")
    static let `for` = AttributeName("for")
    static let height = AttributeName("height")
    static let hidden = AttributeName("hidden")
    fileprivate static let href = AttributeName("href")
    static let id = AttributeName("id")
    static let inputmode = AttributeName("inputmode")
    static let label = AttributeName("label")
    static let lang = AttributeName("lang")
    static let max = AttributeName("max")
    static let maxlength = AttributeName("maxlength")
    static let method = AttributeName("method")
    static let min = AttributeName("min")
    static let name = AttributeName("name")
    static let novalidate = AttributeName("novalidate")
    static let open = AttributeName("open")
    static let placeholder = AttributeName("placeholder")
    static let readonly = AttributeName("readonly")
    static let rel = AttributeName("rel")
    static let required = AttributeName("required")
    static let role = AttributeName("role")
    static let rows = AttributeName("rows")
    static let scope = AttributeName("scope")
    static let selected = AttributeName("selected")
    static let spellcheck = AttributeName("spellcheck")
    fileprivate static let src = AttributeName("src")
    static let tabindex = AttributeName("tabindex")
    static let textAnchor = AttributeName("text-anchor")
    static let title = AttributeName("title")
    static let width = AttributeName("width")
    static let x = AttributeName("x")
    static let y = AttributeName("y")
    static let preserveAspectRatio = AttributeName("preserveAspectRatio")
    static let viewBox = AttributeName("viewBox")
    static let x1 = AttributeName("x1")
    static let x2 = AttributeName("x2")
    static let y1 = AttributeName("y1")
    static let y2 = AttributeName("y2")
}

/// Where a link, a form or a script may go: one of Onward's own pages (a `SiteURL`, with a query
/// when it filters or pages), a place on this page, a mail address, a file the site serves, or a
/// web address someone gave, checked again here as `WebAddress` checks it on the way in. No other
/// text becomes an `href`, an `action` or a `src`, so no page can link to `javascript:`.
struct Href: Hashable, Sendable {
    let text: String

    private init(text: String) {
        self.text = text
    }

    init(_ url: SiteURL) {
        text = url.path
    }

    /// `url` with a query already percent-encoded (`URLComponents.percentEncodedQuery`); the
    /// address still starts with Onward's own path, whatever the query says.
    init(_ url: SiteURL, query: String) {
        text = query.isEmpty ? url.path : url.path + "?" + query
    }

    /// A place on one of Onward's pages: `url` (with a percent-encoded `query`, or none) scrolled
    /// to the element with the id `fragment`.
    init(_ url: SiteURL, query: String = "", fragment: String) {
        text = Href(url, query: query).text + "#" + fragment
    }

    /// A place on this page: the element with this id.
    static func fragment(_ id: String) -> Href { Href(text: "#" + id) }

    /// A mail address, as Core checked it on the way in.
    static func mail(_ address: String) -> Href { Href(text: "mailto:" + address) }

    /// A file the site serves from its public folder.
    static func asset(_ path: StaticString) -> Href { Href(text: path.description) }

    /// A path on this site kept in the database (where a notification leads), checked again as
    /// `LocalPath` checks where sign-in may send someone; nil for anything else.
    static func local(_ path: String) -> Href? {
        LocalPath.validated(path).map { Href(text: $0) }
    }

    /// A calendar subscription: Onward's own http(s) address of a feed, as webcal, which a
    /// calendar app opens to subscribe; nil for any other address.
    static func subscription(_ address: String) -> Href? {
        guard WebAddress.isWebAddress(address), let colon = address.firstIndex(of: ":") else { return nil }
        return Href(text: "webcal" + address[colon...])
    }

    /// An http or https address someone gave; nil for anything else.
    static func web(_ address: String) -> Href? {
        WebAddress.isWebAddress(address) ? Href(text: address) : nil
    }
}

/// An attribute of an element. Its name is one of `AttributeName`'s; its value is escaped.
struct Attribute {
    enum Value {
        case text(String)
        case literal(StaticString)
        /// A boolean attribute that is on (`checked`, `selected`, `open`).
        case flag
        /// Not written at all (an optional value that is nil, a flag that is off).
        case omitted
    }

    let name: StaticString
    let value: Value

    /// Only this file makes one from a name: everywhere else names come from `AttributeName`.
    fileprivate init(name: StaticString, value: Value) {
        self.name = name
        self.value = value
    }

    /// Any attribute of the closed set; nil leaves it out.
    static func attr(_ name: AttributeName, _ value: String?) -> Attribute {
        Attribute(name: name.text, value: value.map(Value.text) ?? .omitted)
    }

    /// A boolean attribute, written only when `on`.
    static func flag(_ name: AttributeName, _ on: Bool = true) -> Attribute {
        Attribute(name: name.text, value: on ? .flag : .omitted)
    }

    static func `class`(_ value: String) -> Attribute { attr(.`class`, value) }
    static func id(_ value: String) -> Attribute { attr(.id, value) }
    static func href(_ value: Href) -> Attribute { attr(.href, value.text) }
    /// A link to an address someone gave: written only when it is an http or https address (as
    /// `WebAddress` checks it); otherwise the link goes nowhere.
    static func href(web address: String) -> Attribute { attr(.href, Href.web(address)?.text) }
    static func src(_ value: Href) -> Attribute { attr(.src, value.text) }
    static func name(_ value: String) -> Attribute { attr(.name, value) }
    static func type(_ value: StaticString) -> Attribute { Attribute(name: "type", value: .literal(value)) }
    /// Nil writes none: a field with no value is empty, and a file input may carry none.
    static func value(_ value: String?) -> Attribute { Attribute(name: "value", value: value.map { .text($0) } ?? .omitted) }
    static func `for`(_ value: String) -> Attribute { attr(.`for`, value) }
    static func role(_ value: StaticString) -> Attribute { Attribute(name: "role", value: .literal(value)) }
    static func action(_ value: Href) -> Attribute { attr(.action, value.text) }
    static func placeholder(_ value: StaticString) -> Attribute { Attribute(name: "placeholder", value: .literal(value)) }
    static func rel(_ value: StaticString) -> Attribute { Attribute(name: "rel", value: .literal(value)) }
    static func ariaLabel(_ value: String) -> Attribute { attr(.ariaLabel, value) }
    static func ariaLabelledBy(_ value: String) -> Attribute { attr(.ariaLabelledby, value) }
    static func ariaDescribedBy(_ value: String?) -> Attribute { attr(.ariaDescribedby, value) }
    static func data(_ name: AttributeName, _ value: String) -> Attribute { attr(name, value) }
    /// `rel="noopener noreferrer"`: for a link to an address someone typed.
    static let external = Attribute(name: "rel", value: .literal("noopener noreferrer"))
}

// MARK: The elements pages use, as HTML names them

extension HTML {
    func a(_ attributes: Attribute..., content: () -> Void) { element("a", attributes, content) }
    func a(_ text: String, _ attributes: Attribute...) { element("a", attributes, text: text) }
    func p(_ attributes: Attribute..., content: () -> Void) { element("p", attributes, content) }
    func p(_ text: String, _ attributes: Attribute...) { element("p", attributes, text: text) }
    func div(_ attributes: Attribute..., content: () -> Void) { element("div", attributes, content) }
    func span(_ attributes: Attribute..., content: () -> Void) { element("span", attributes, content) }
    func span(_ text: String, _ attributes: Attribute...) { element("span", attributes, text: text) }
    func strong(_ text: String) { element("strong", [], text: text) }
    func code(_ text: String) { element("code", [], text: text) }
    func h1(_ attributes: Attribute..., content: () -> Void) { element("h1", attributes, content) }
    func h1(_ text: String, _ attributes: Attribute...) { element("h1", attributes, text: text) }
    func h2(_ attributes: Attribute..., content: () -> Void) { element("h2", attributes, content) }
    func h2(_ text: String, _ attributes: Attribute...) { element("h2", attributes, text: text) }
    func h3(_ attributes: Attribute..., content: () -> Void) { element("h3", attributes, content) }
    func h3(_ text: String, _ attributes: Attribute...) { element("h3", attributes, text: text) }
    func section(_ attributes: Attribute..., content: () -> Void) { element("section", attributes, content) }
    func nav(_ attributes: Attribute..., content: () -> Void) { element("nav", attributes, content) }
    func ul(_ attributes: Attribute..., content: () -> Void) { element("ul", attributes, content) }
    func ol(_ attributes: Attribute..., content: () -> Void) { element("ol", attributes, content) }
    func li(_ attributes: Attribute..., content: () -> Void) { element("li", attributes, content) }
    func li(_ text: String, _ attributes: Attribute...) { element("li", attributes, text: text) }
    func dl(_ attributes: Attribute..., content: () -> Void) { element("dl", attributes, content) }
    func dt(_ text: String) { element("dt", [], text: text) }
    func dd(_ attributes: Attribute..., content: () -> Void) { element("dd", attributes, content) }
    func dd(_ text: String, _ attributes: Attribute...) { element("dd", attributes, text: text) }
    func table(_ attributes: Attribute..., content: () -> Void) { element("table", attributes, content) }
    func thead(content: () -> Void) { element("thead", [], content) }
    func tbody(content: () -> Void) { element("tbody", [], content) }
    func tr(_ attributes: Attribute..., content: () -> Void) { element("tr", attributes, content) }
    func th(_ attributes: Attribute..., content: () -> Void) { element("th", attributes, content) }
    /// A column heading (`scope="col"`).
    func th(_ text: String) { element("th", [Attribute(name: "scope", value: .literal("col"))], text: text) }
    func td(_ attributes: Attribute..., content: () -> Void) { element("td", attributes, content) }
    func td(_ text: String, _ attributes: Attribute...) { element("td", attributes, text: text) }
    func form(_ attributes: Attribute..., content: () -> Void) { element("form", attributes, content) }
    func label(_ attributes: Attribute..., content: () -> Void) { element("label", attributes, content) }
    func label(_ text: String, _ attributes: Attribute...) { element("label", attributes, text: text) }
    func input(_ attributes: Attribute...) { open("input", attributes) }
    func select(_ attributes: Attribute..., content: () -> Void) { element("select", attributes, content) }
    func option(_ text: String, _ attributes: Attribute...) { element("option", attributes, text: text) }
    func textarea(_ text: String, _ attributes: Attribute...) { textarea(text, attributes) }

    /// A browser drops one line break right after `<textarea>`: one is written there, so text
    /// that starts with a line break keeps it.
    func textarea(_ text: String, _ attributes: [Attribute]) {
        open("textarea", attributes)
        raw("\n")
        self.text(text)
        close("textarea")
    }
    func button(_ attributes: Attribute..., content: () -> Void) { element("button", attributes, content) }
    func button(_ text: String, _ attributes: Attribute...) { element("button", attributes, text: text) }
    func details(_ attributes: Attribute..., content: () -> Void) { element("details", attributes, content) }
    func summary(_ attributes: Attribute..., content: () -> Void) { element("summary", attributes, content) }
    func summary(_ text: String) { element("summary", [], text: text) }
    func fieldset(_ attributes: Attribute..., content: () -> Void) { element("fieldset", attributes, content) }
    func legend(_ text: String) { element("legend", [], text: text) }
    func blockquote(_ text: String, _ attributes: Attribute...) { element("blockquote", attributes, text: text) }
    func figure(_ attributes: Attribute..., content: () -> Void) { element("figure", attributes, content) }
    func figcaption(_ attributes: Attribute..., content: () -> Void) { element("figcaption", attributes, content) }
    func br() { raw("<br>") }
}
