import OnwardCore
import Testing

@Suite struct RequestBodyTests {
    func fields(_ body: String, limit: Int = RequestBody.maxFields) throws -> [String] {
        let bytes = Array(body.utf8)
        return try bytes.withUnsafeBytes { raw in
            try RequestBody.urlEncodedFields(raw, limit: limit).map { "\($0.name)=\($0.value)" }
        }
    }

    func json(_ body: String, depth: Int = 3, items: Int = 4) throws {
        let bytes = Array(body.utf8)
        try bytes.withUnsafeBytes { raw in try RequestBody.checkJSON(raw, maxDepth: depth, maxItems: items) }
    }

    @Test func a_form_is_read_as_a_browser_sends_it() throws {
        #expect(try fields("email=a%40b.org&password=p+w%20d&csrf=x_-y&empty=") == ["email=a@b.org", "password=p w d", "csrf=x_-y", "empty="])
        #expect(try fields("") == [])
        #expect(try fields("name=%C3%A9t%C3%A9") == ["name=été"])
    }

    @Test func a_form_with_more_fields_than_the_limit_is_refused_before_decoding() {
        #expect(throws: RequestBody.Refusal.tooManyFields(limit: 3)) { try fields("a=1&b=2&c=3&d=4", limit: 3) }
        #expect((try? fields("a=1&b=2&c=3", limit: 3))?.count == 3)
        // One name repeated counts as often as it is sent, empty pairs too.
        #expect(throws: RequestBody.Refusal.tooManyFields(limit: 3)) { try fields("k=1&k=1&k=1&k=1", limit: 3) }
        #expect(throws: RequestBody.Refusal.tooManyFields(limit: 3)) { try fields("a=1&&&", limit: 3) }
    }

    @Test(arguments: ["k[0]=1", "k[]=1", "k%5B0%5D=1", "k%5b%5d=1", "a]=1"])
    func a_bracketed_name_is_refused(_ body: String) {
        #expect(throws: RequestBody.Refusal.nestedFieldName) { try fields("csrf=x&" + body) }
    }

    @Test(arguments: ["novalue", "=1", "a%ZZ=1", "a=%E", "a=%FF%FE"])
    func a_field_without_a_name_or_with_a_broken_escape_is_refused(_ body: String) {
        #expect(throws: RequestBody.Refusal.malformedField) { try fields(body) }
    }

    @Test func a_multipart_name_is_read_from_its_disposition() throws {
        #expect(try RequestBody.multipartFieldName(disposition: #"form-data; name="file"; filename="applications [2].csv""#) == "file")
        #expect(try RequestBody.multipartFieldName(disposition: "form-data; name=csrf") == "csrf")
        #expect(throws: RequestBody.Refusal.nestedFieldName) { try RequestBody.multipartFieldName(disposition: #"form-data; name="k[1]""#) }
        #expect(throws: RequestBody.Refusal.malformedField) { try RequestBody.multipartFieldName(disposition: #"form-data; filename="a.csv""#) }
    }

    @Test func json_within_its_bounds_passes() throws {
        try json(#"{"a": [1, 2, 3, 4], "b": {"c": "[[[[,,,,,]]]]"}}"#)
        try json(#"{"s": "quote \" and backslash \\", "t": [[1]]}"#)
        try json("[]")
    }

    @Test func json_nested_too_deep_is_refused() {
        #expect(throws: RequestBody.Refusal.tooDeep(limit: 3)) { try json("[[[[]]]]") }
        #expect(throws: RequestBody.Refusal.tooDeep(limit: 3)) { try json(#"{"a": {"b": {"c": {}}}}"#) }
    }

    @Test func json_with_too_many_items_in_one_array_or_object_is_refused() {
        #expect(throws: RequestBody.Refusal.tooManyItems(limit: 4)) { try json("[1, 2, 3, 4, 5]") }
        #expect(throws: RequestBody.Refusal.tooManyItems(limit: 4)) { try json(#"{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}"#) }
        // Items are counted per container: four arrays of four are within bounds.
        #expect((try? json("[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]]")) != nil)
    }
}
