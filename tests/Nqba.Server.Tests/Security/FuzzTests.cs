using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using Nqba.Testing;

namespace Nqba.Server.Tests.Security;

/// <summary>
/// Property: whatever body arrives at any operation of the OpenAPI document — random JSON of the right or wrong
/// shape, wrong types, huge numbers, broken text — the answer is never a 5xx.
/// </summary>
public sealed class FuzzTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private static readonly string[] FieldNames =
    [
        "email", "password", "code", "name", "displayName", "role", "clientOrganizationId", "regionCode", "domain", "industry",
        "expiresInDays", "qubo", "variables", "linear", "quadratic", "i", "j", "weight", "offset", "sense", "timeLimitMs", "solver",
        "seed", "target", "id", "x",
    ];

    private static readonly Gen<string> Leaf = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e400"),
        Gen.String.Select(s => JsonSerializer.Serialize(s)),
        Gen.Const("null"), Gen.Const("true"), Gen.Const("1e400"), Gen.Const("-0"), Gen.Const("\"\""),
        Gen.Const("\"00000000-0000-0000-0000-000000000000\""), Gen.Const("\"europe\""), Gen.Const("\"Admin\""),
        Gen.Const("99999999999999999999999"), Gen.Const("[]"), Gen.Const("{}"));

    private static readonly Gen<string> Value = Gen.OneOf(
        Leaf,
        Leaf.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]"),
        Gen.Select(Gen.OneOfConst(FieldNames), Leaf).Array[0, 4].Select(Object));

    private static readonly Gen<string> Body = Gen.OneOf(
        Gen.Select(Gen.OneOfConst(FieldNames), Value).Array[0, 8].Select(Object),
        Value,
        Gen.String,
        Gen.Select(Gen.OneOfConst(FieldNames), Value).Array[1, 5].Select(Object).Select(s => s[..^1]));

    private static string Object((string Name, string Value)[] fields) =>
        "{" + string.Join(",", fields.Select(f => JsonSerializer.Serialize(f.Name) + ":" + f.Value)) + "}";

    [Fact]
    public async Task RandomBodies_AtEveryWritingOperation_NeverGet5xx()
    {
        var admin = await factory.CreateAdminClientAsync();
        var document = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name is "post" or "put" or "patch").Select(m => (Method: m.Name.ToUpperInvariant(), Path: p.Name)))
            .ToList();
        Assert.NotEmpty(operations);

        foreach (var (method, path) in operations)
        {
            await Gen.Select(Body, Gen.Bool).SampleAsync(async sample =>
            {
                var (body, asJson) = sample;
                using var request = new HttpRequestMessage(new HttpMethod(method), System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", Guid.NewGuid().ToString()))
                {
                    Content = new StringContent(body, Encoding.UTF8, asJson ? "application/json" : "text/plain"),
                };
                using var response = await admin.SendAsync(request);
                Assert.True((int)response.StatusCode < 500, $"{method} {path} with {body} -> {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }, iter: 60, seed: null, threads: 1);
        }
    }
}
