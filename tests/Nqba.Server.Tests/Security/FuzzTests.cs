using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Server.Platform.Web;
using Nqba.Testing;

namespace Nqba.Server.Tests.Security;

/// <summary>
/// Property: whatever body arrives at any operation of the OpenAPI document — random JSON of the right or wrong
/// shape, wrong types, huge numbers, broken text — the answer is never a 5xx, and a refused request (4xx) writes
/// nothing: no row in any table, no audit entry.
/// </summary>
public sealed partial class FuzzTests(FuzzTests.Factory factory) : IClassFixture<FuzzTests.Factory>
{
    /// <summary>
    /// The server with its background jobs and event delivery off, so every row that appears was written by a request
    /// (delivered events and the lead response watch route leads, which wrote routing decisions while a later, refused
    /// request was being checked).
    /// </summary>
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Events:DispatchInBackground"] = "false",
            // Nothing fires by itself (a queued optimization, the chat pickup purge): the row counts move only by requests.
            ["Jobs:FireOnSchedule"] = "false",
            ["Intake:ResponseWatchEnabled"] = "false",
            ["Monitoring:SchedulerEnabled"] = "false",
            ["Scheduling:JobsEnabled"] = "false",
            ["Support:SlaWatchEnabled"] = "false",
            ["Support:MailPollingEnabled"] = "false",
            ["Support:NpsScheduleEnabled"] = "false",
        };
    }

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

    // Ends the admin's own session, which every later request of the fuzzing uses; it takes no body.
    private const string SignOutEverywhere = "/api/auth/sessions/revoke";

    [Fact]
    public async Task RandomBodies_AtEveryWritingOperation_NeverGet5xx()
    {
        var admin = await factory.CreateAdminClientAsync();
        var document = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name is "post" or "put" or "patch").Select(m => (Method: m.Name.ToUpperInvariant(), Path: p.Name)))
            .Where(o => o.Path != SignOutEverywhere)
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

    [Fact]
    public async Task RandomBodies_ThatAreRefused_WriteNothing()
    {
        var admin = await factory.CreateAdminClientAsync();
        var document = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name is "post" or "put" or "patch" or "delete").Select(m => (Method: m.Name.ToUpperInvariant(), Path: p.Name)))
            .Where(o => o.Path != SignOutEverywhere)
            .ToList();
        var tables = await TablesAsync();
        var refused = 0;

        foreach (var (method, path) in operations)
        {
            await Gen.Select(Body, Gen.Bool).SampleAsync(async sample =>
            {
                var (body, asJson) = sample;
                var before = await CountsAsync(tables);
                using var request = new HttpRequestMessage(new HttpMethod(method), System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", Guid.NewGuid().ToString()))
                {
                    Content = new StringContent(body, Encoding.UTF8, asJson ? "application/json" : "text/plain"),
                };
                using var response = await admin.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status is < 400 or >= 500)
                {
                    return;
                }

                refused++;
                var after = await CountsAsync(tables);
                var changed = tables.Where(t => before[t] != after[t] && !(t == "platform_audit" && IntendedAudit(path)))
                    .Select(t => $"{t}: {before[t]} -> {after[t]}").ToList();
                Assert.True(changed.Count == 0, $"{method} {path} with {body} -> {status} but wrote: {string.Join(", ", changed)}");
            }, iter: 15, seed: null, threads: 1);
        }

        Assert.True(refused > operations.Count, "the fuzzing needs refused requests to check");
    }

    /// <summary>Text no form field should trip over: empty, numbers a typed field cannot hold, control characters, too long.</summary>
    private static readonly string[] JunkValues =
    [
        string.Empty, " ", "abc", "-1", "99", "99999999999999999999", "1e400", "true", "null", "00000000-0000-0000-0000-000000000000",
        "\0", "\t", "\r\n", "a\u0001b\u007f", "<script>alert(1)</script>", "'; DROP TABLE x; --", "%00", "😀",
        new string('x', FormBinding.MaxFieldLength + 1), new string('y', 100_000),
    ];

    /// <summary>The junk each field gets on its own (all of <see cref="JunkValues"/> go into every field at once).</summary>
    private static readonly string[] FieldJunk = [string.Empty, "abc", "-1", "99999999999999999999", "\0", "a\u0001b", new string('x', FormBinding.MaxFieldLength + 1)];

    /// <summary>Return addresses that try to leave the site or break the redirect.</summary>
    private static readonly string[] JunkReturnUrls =
    [
        "\t", "\n", "\r\n", "/\t/evil.example", "/\r\n/evil.example", "/a\nb", "//evil.example", "/\\evil.example", "https://evil.example",
        "javascript:alert(1)", "/%0d%0aSet-Cookie:x=1", "~/x", "/" + new string('a', 5000), " /", "\0/",
    ];

    [Fact]
    public void EveryFormEndpoint_GoesThroughTheSharedFormBinding()
    {
        var forms = FormEndpoints();

        Assert.True(forms.Count >= 20, $"only {forms.Count} form endpoints found");
        Assert.All(forms, f => Assert.True(f.Endpoint.Metadata.GetMetadata<FormBindingMetadata>() is not null, $"{f.Endpoint.RoutePattern.RawText} binds forms without WithFormBinding()"));
    }

    [Fact]
    public async Task JunkFields_AtEveryFormEndpoint_AnonymousAndSignedIn_NeverGet5xx()
    {
        var failures = new List<string>();
        var requests = 0;
        foreach (var signedIn in new[] { false, true })
        {
            var client = await FormClientAsync(signedIn);
            var token = await TokenAsync(client, "/support/request");
            foreach (var (endpoint, fields) in FormEndpoints())
            {
                var path = RouteValue().Replace(endpoint.RoutePattern.RawText!, m => m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "x");
                var posts = new List<Dictionary<string, string>> { new(), new() { ["unknownField"] = "1" } };
                posts.AddRange(JunkValues.Select(v => fields.ToDictionary(f => f, _ => v)));
                posts.AddRange(fields.SelectMany(f => FieldJunk.Select(v => new Dictionary<string, string> { [f] = v })));
                if (fields.Contains("ReturnUrl"))
                {
                    posts.AddRange(JunkReturnUrls.Select(u => new Dictionary<string, string> { ["ReturnUrl"] = u, ["Email"] = "nobody@fuzz.test", ["Password"] = "x", ["Code"] = "123456" }));
                }

                foreach (var post in posts)
                {
                    post["__RequestVerificationToken"] = token;
                    using var response = await client.PostAsync(path, new FormUrlEncodedContent(post));
                    requests++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{(signedIn ? "admin" : "anonymous")} POST {path} {Describe(post)} -> {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} form posts got 5xx:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task FormWithOnlyItsAntiforgeryToken_IsAnsweredWithoutAnError()
    {
        var client = await FormClientAsync(signedIn: false);
        var token = await TokenAsync(client, "/support/request");

        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var request = await client.PostAsync("/support/request/submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var book = await client.PostAsync("/book/submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/login?error=invalid", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        Assert.Contains("error=name", request.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, book.StatusCode);
    }

    [Fact]
    public async Task FormFieldWithControlCharactersOrTooLong_IsRefusedNamingTheField()
    {
        var client = await FormClientAsync(signedIn: false);
        var token = await TokenAsync(client, "/support/request");

        var control = await client.PostAsync("/support/request/submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Name"] = "a\u0007b" }));
        // A NUL is refused before the form is bound (the anti-forgery check does not accept the form): a 400 problem too.
        var nul = await client.PostAsync("/support/request/submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Name"] = "a\0b" }));
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal("application/problem+json", nul.Content.Headers.ContentType?.MediaType);
        var tooLong = await client.PostAsync("/support/request/submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Body"] = new string('x', FormBinding.MaxFieldLength + 1) }));

        var controlProblem = await control.Content.ReadAsStringAsync();
        var tooLongProblem = await tooLong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Equal("application/problem+json", control.Content.Headers.ContentType?.MediaType);
        Assert.True(controlProblem.Contains("\"name\":", StringComparison.Ordinal), controlProblem);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True(tooLongProblem.Contains("\"body\":", StringComparison.Ordinal), tooLongProblem);
    }

    [Fact]
    public async Task QueryValueWithControlCharacters_IsRefusedNamingTheParameter_OnPagesAndTheApi()
    {
        var admin = await FormClientAsync(signedIn: true);
        admin.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var api = await factory.CreateAdminClientAsync();

        using var page = await admin.GetAsync("/leads?Unit=%00&Tier=gold");
        using var endpoint = await api.GetAsync("/api/audit?actor=a%01b");
        using var clean = await admin.GetAsync("/leads?Unit=flyfox-ai");

        var pageBody = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("&#39;Unit&#39;", pageBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, endpoint.StatusCode);
        Assert.Equal("application/problem+json", endpoint.Content.Headers.ContentType?.MediaType);
        var problem = await endpoint.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("actor", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.OK, clean.StatusCode);
    }

    [Fact]
    public async Task JunkQueryStrings_OnEveryPage_AnonymousAndSignedIn_NeverGet5xx()
    {
        var pages = typeof(PlatformModule).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>().Any())
            .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>().Select(r => (Template: r.Template, Names: QueryNames(t))))
            .ToList();
        Assert.True(pages.Count >= 20, $"only {pages.Count} pages found");
        var failures = new List<string>();
        var requests = 0;
        foreach (var signedIn in new[] { false, true })
        {
            var client = await FormClientAsync(signedIn);
            foreach (var (template, names) in pages)
            {
                var path = RouteValue().Replace(template, m => m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "x");
                var queries = new List<string> { "?x=%00", "?lang=xx&tz=Not/AZone&%%=1", "?lang=de&lang=ja" };
                queries.AddRange(JunkValues.Where(v => v.Length < 1000).Concat(JunkReturnUrls).Select(v => "?" + string.Join("&", names.Append("returnUrl").Select(n => n + "=" + Uri.EscapeDataString(v)))));
                foreach (var query in queries)
                {
                    using var response = await client.GetAsync(path + query);
                    requests++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{(signedIn ? "admin" : "anonymous")} GET {path}{query[..Math.Min(query.Length, 200)]} -> {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} page requests got 5xx:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task SignIn_WithAJunkReturnUrl_NeverGets5xx_AndStaysOnTheSite()
    {
        var email = $"return-{Guid.NewGuid():N}@fuzz.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.AcmeCorp);
        foreach (var returnUrl in JunkReturnUrls)
        {
            var client = await FormClientAsync(signedIn: false);
            var token = await TokenAsync(client, "/account/login");

            using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Email"] = email,
                ["Password"] = password,
                ["ReturnUrl"] = returnUrl,
            }));

            Assert.True((int)response.StatusCode < 500, $"{JsonSerializer.Serialize(returnUrl)} -> {(int)response.StatusCode}");
            if (response.Headers.Location is { } location)
            {
                Assert.False(location.IsAbsoluteUri, $"{JsonSerializer.Serialize(returnUrl)} redirected to {location}");
                Assert.StartsWith("/", location.OriginalString, StringComparison.Ordinal);
                Assert.False(location.OriginalString.StartsWith("//", StringComparison.Ordinal) || location.OriginalString.StartsWith("/\\", StringComparison.Ordinal) || location.OriginalString.Any(char.IsControl), location.OriginalString);
            }
        }
    }

    [Theory]
    [InlineData("priority", "99")]
    [InlineData("priority", "\"-1\"")]
    [InlineData("channel", "42")]
    public async Task CreateTicket_UndefinedEnumValue_Is400NamingTheField(string field, string value)
    {
        var admin = await factory.CreateAdminClientAsync();
        var body = $$"""{"subject":"Enum","body":"Enum check","requesterName":"E","requesterEmail":"e@fuzz.test","organizationId":"{{DemoCompany.AcmeCorp}}","{{field}}":{{value}}}""";

        var response = await admin.PostAsync("/api/support/tickets", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("12")]
    [InlineData("\"-1\"")]
    [InlineData("\"12\"")]
    public async Task ChangeTicketStatus_UndefinedValue_Is400(string value)
    {
        var admin = await factory.CreateAdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "Status", body = "Status check", requesterName = "S", requesterEmail = "s@fuzz.test", organizationId = DemoCompany.AcmeCorp, channel = "Phone" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await admin.PostAsync($"/api/support/tickets/{id}/status", new StringContent($$"""{"status":{{value}}}""", Encoding.UTF8, "application/json"));
        var named = await admin.PostAsync($"/api/support/tickets/{id}/status", new StringContent("""{"status":"Pending"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _));
        Assert.True((int)named.StatusCode < 500, await named.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NullAttachment_OnCreateAndReply_Is400NamingIt()
    {
        var admin = await factory.CreateAdminClientAsync();
        var body = $$"""{"subject":"Attach","body":"Attachment check","requesterName":"A","requesterEmail":"a@fuzz.test","organizationId":"{{DemoCompany.AcmeCorp}}","channel":"Phone","attachments":[null]}""";
        var created = await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "Attach", body = "Reply check", requesterName = "A", requesterEmail = "a@fuzz.test", organizationId = DemoCompany.AcmeCorp, channel = "Phone" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var create = await admin.PostAsync("/api/support/tickets", new StringContent(body, Encoding.UTF8, "application/json"));
        var reply = await admin.PostAsync($"/api/support/tickets/{id}/messages", new StringContent("""{"body":"x","attachments":[null]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Contains("attachments[0]", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Contains("attachments[0]", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Every POST endpoint that takes a form (found from the endpoint data sources), with its field names.</summary>
    private List<(RouteEndpoint Endpoint, List<string> Fields)> FormEndpoints()
    {
        string[] formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"];
        return
        [
            .. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true
                    && (e.Metadata.GetMetadata<FormBindingMetadata>() is not null
                        || e.Metadata.OfType<IAcceptsMetadata>().Any(a => a.ContentTypes.Any(c => formTypes.Contains(c)))))
                .Select(e => (e, FormFields(e))),
        ];
    }

    private static List<string> FormFields(RouteEndpoint endpoint)
    {
        var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        var fields = new List<string>();
        foreach (var parameter in handler?.GetParameters() ?? [])
        {
            if (parameter.GetCustomAttributes().OfType<IFromFormMetadata>().FirstOrDefault() is not { } form)
            {
                continue;
            }

            if (parameter.ParameterType.IsClass && parameter.ParameterType != typeof(string))
            {
                fields.AddRange(parameter.ParameterType.GetProperties().Select(p => p.Name));
            }
            else
            {
                fields.Add(form.Name ?? parameter.Name!);
            }
        }

        return fields;
    }

    private static IEnumerable<string> QueryNames(Type page) =>
        page.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<Microsoft.AspNetCore.Components.SupplyParameterFromQueryAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => x.Attribute!.Name ?? x.Property.Name);

    /// <summary>A browser-like client (cookies, no redirects followed); signed in, it carries the admin's token.</summary>
    private async Task<HttpClient> FormClientAsync(bool signedIn)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (signedIn)
        {
            client.DefaultRequestHeaders.Authorization = (await factory.CreateAdminClientAsync()).DefaultRequestHeaders.Authorization;
        }

        return client;
    }

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var token = AntiforgeryTokens.From(await client.GetStringAsync(page));
        Assert.False(string.IsNullOrEmpty(token), $"{page} has no anti-forgery token");
        return WebUtility.HtmlDecode(token);
    }

    private static string Describe(Dictionary<string, string> post) =>
        string.Join("&", post.Where(kv => kv.Key != "__RequestVerificationToken").Select(kv => kv.Key + "=" + JsonSerializer.Serialize(kv.Value.Length > 40 ? kv.Value[..40] + $"…({kv.Value.Length})" : kv.Value)));

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();


    /// <summary>A failed sign-in is recorded on purpose (brute-force evidence); it is the one 4xx with an audit entry.</summary>
    private static bool IntendedAudit(string path) => path == "/api/auth/token";

    private async Task<List<string>> TablesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var sql = db.Database.IsNpgsql()
            ? "SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'public'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        var tables = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        // Quartz's own tables (qrtz_*) are the job engine's bookkeeping, which its threads change on their own clock
        // (a trigger firing between two counts); they hold no records a request writes.
        return [.. tables.Where(t => !t.StartsWith("__", StringComparison.Ordinal) && !t.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
    }

    private async Task<Dictionary<string, long>> CountsAsync(List<string> tables)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var sql = string.Join(" UNION ALL ", tables.Select((t, i) => $"SELECT {i} AS \"Index\", COUNT(*) AS \"Rows\" FROM \"{t}\""));
        var rows = await db.Database.SqlQueryRaw<TableCount>(sql).ToListAsync();
        return rows.ToDictionary(r => tables[r.Index], r => r.Rows);
    }

    private sealed class TableCount
    {
        public int Index { get; set; }

        public long Rows { get; set; }
    }
}
