using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// Issue 19: the fuzz suite holds answers to the bounds the documents publish, so an answer longer, larger or with more
/// items than its document says fails it, as it would fail a partner's generated validator.
/// </summary>
public sealed class ResponseBoundsTests
{
    private static readonly ContractDocument Document = new("bounds", JsonNode.Parse("""
        {
          "paths": { "/things": { "get": { "responses": { "200": {
            "description": "A thing.",
            "headers": { "X-Request-Id": { "schema": { "type": "string", "maxLength": 8 } },
                         "Retry-After": { "schema": { "type": "integer", "format": "int32", "minimum": 0, "maximum": 60 } } },
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } } } } },
          "components": { "schemas": { "Thing": { "type": "object", "properties": {
            "name": { "type": "string", "maxLength": 5 },
            "count": { "type": "integer", "format": "int32", "minimum": 0, "maximum": 10 },
            "tags": { "type": "array", "maxItems": 2, "items": { "type": "string", "maxLength": 5 } } } } } }
        }
        """)!);

    [Theory]
    [InlineData("""{"name":"short","count":10,"tags":["a","b"]}""", null)]
    [InlineData("""{"name":"longer","count":1,"tags":[]}""", "$.name has 6 characters")]
    [InlineData("""{"name":"a","count":11,"tags":[]}""", "$.count is 11, outside the declared bounds")]
    [InlineData("""{"name":"a","count":-1,"tags":[]}""", "$.count is -1, outside the declared bounds")]
    [InlineData("""{"name":"a","count":1,"tags":["a","b","c"]}""", "$.tags has 3 items")]
    [InlineData("""{"name":"a","count":1,"tags":["toolong"]}""", "$.tags[0] has 7 characters")]
    public void An_answer_beyond_its_documented_bounds_fails(string body, string? wrong)
    {
        var verdict = Judge(body, requestId: "req_1");

        if (wrong is null)
        {
            Assert.Empty(verdict);
        }
        else
        {
            Assert.Contains(verdict, v => v.Contains(wrong, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_header_beyond_its_documented_bounds_fails()
    {
        Assert.Contains(Judge("""{"name":"a"}""", requestId: "req_123456789"), v => v.StartsWith("header X-Request-Id", StringComparison.Ordinal));
        Assert.Contains(Judge("""{"name":"a"}""", requestId: "req_1", retryAfter: "61"), v => v.StartsWith("header Retry-After", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Judge(string body, string requestId, string? retryAfter = null)
    {
        var operation = Document.Operations.Single();
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        response.Headers.Add("X-Request-Id", requestId);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }
        var fuzzCase = new FuzzCase(0, FuzzCaller.Partner, new FuzzRequest(operation), "none", MustBeRefused: false, MustAnswer: null);
        return new ResponseOracle(new SchemaConformance(Document)).Judge(fuzzCase, response, body);
    }
}
