using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Platform;
using Nqba.Testing;

namespace Nqba.Server.Tests.Security;

/// <summary>
/// Property: whatever body arrives at any operation of the OpenAPI document — random JSON of the right or wrong
/// shape, wrong types, huge numbers, broken text — the answer is never a 5xx, and a refused request (4xx) writes
/// nothing: no row in any table, no audit entry.
/// </summary>
public sealed class FuzzTests(FuzzTests.Factory factory) : IClassFixture<FuzzTests.Factory>
{
    /// <summary>The server with its background jobs off, so every row that appears was written by a request.</summary>
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
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

    [Fact]
    public async Task RandomBodies_ThatAreRefused_WriteNothing()
    {
        var admin = await factory.CreateAdminClientAsync();
        var document = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name is "post" or "put" or "patch" or "delete").Select(m => (Method: m.Name.ToUpperInvariant(), Path: p.Name)))
            .ToList();
        var tables = await TablesAsync();
        var refused = 0;
        var settled = true;

        foreach (var (method, path) in operations)
        {
            await Gen.Select(Body, Gen.Bool).SampleAsync(async sample =>
            {
                var (body, asJson) = sample;
                var before = settled ? await CountsAsync(tables) : await SettledCountsAsync(tables);
                using var request = new HttpRequestMessage(new HttpMethod(method), System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", Guid.NewGuid().ToString()))
                {
                    Content = new StringContent(body, Encoding.UTF8, asJson ? "application/json" : "text/plain"),
                };
                using var response = await admin.SendAsync(request);
                var status = (int)response.StatusCode;
                settled = status >= 400;
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
        return [.. tables.Where(t => !t.StartsWith("__", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    private async Task<Dictionary<string, long>> CountsAsync(List<string> tables)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var sql = string.Join(" UNION ALL ", tables.Select((t, i) => $"SELECT {i} AS \"Index\", COUNT(*) AS \"Rows\" FROM \"{t}\""));
        var rows = await db.Database.SqlQueryRaw<TableCount>(sql).ToListAsync();
        return rows.ToDictionary(r => tables[r.Index], r => r.Rows);
    }

    /// <summary>After an accepted request its events are still being handled: wait until the counts stop moving.</summary>
    private async Task<Dictionary<string, long>> SettledCountsAsync(List<string> tables)
    {
        var previous = await CountsAsync(tables);
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(250);
            var current = await CountsAsync(tables);
            if (current.All(kv => previous[kv.Key] == kv.Value))
            {
                return current;
            }

            previous = current;
        }

        return previous;
    }

    private sealed class TableCount
    {
        public int Index { get; set; }

        public long Rows { get; set; }
    }
}
