using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Security;

/// <summary>
/// Every operation of the OpenAPI document, called as every role and anonymously, against the access written
/// down here. An operation missing from the table fails the test: a new endpoint must declare who may call it.
/// </summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    private const string Anyone = "anyone";
    private const string SignedIn = "signed-in";
    private const string Staff = "staff";
    private const string Admin = "admin";
    private const string Compliance = "compliance";
    private const string Trader = "trader";

    /// <summary>Who may call what. Keys are "METHOD path" as the OpenAPI document spells them.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/token"] = Anyone,
        ["GET /api/auth/me"] = SignedIn,
        ["POST /api/auth/sessions/revoke"] = SignedIn,
        ["POST /api/access/users"] = Admin,
        ["GET /api/access/users"] = Admin,
        ["POST /api/access/users/{id}/password/reset"] = Admin,
        ["POST /api/access/users/{id}/mfa/reset"] = Admin,
        ["POST /api/access/users/{id}/sessions/revoke"] = Admin,
        ["POST /api/access/api-keys"] = SignedIn,
        ["GET /api/access/api-keys"] = SignedIn,
        ["DELETE /api/access/api-keys/{id}"] = SignedIn,
        ["GET /api/clients"] = SignedIn,
        ["POST /api/clients"] = Staff,
        ["GET /api/clients/{id}"] = SignedIn,
        ["GET /api/leads"] = SignedIn,
        ["GET /api/leads/{id}"] = SignedIn,
        ["GET /api/leads/search"] = Staff,
        ["GET /api/pipeline/deals"] = Staff,
        ["GET /api/pipeline/deals.csv"] = Staff,
        ["GET /api/pipeline/deals/{id}"] = Staff,
        ["POST /api/pipeline/deals/{id}/stage"] = Staff,
        ["PATCH /api/pipeline/deals/{id}"] = Staff,
        ["GET /api/pipeline/metrics"] = Staff,
        ["GET /api/pipeline/settings"] = Staff,
        ["GET /api/pipeline/products"] = Staff,
        ["POST /api/pipeline/products"] = Admin,
        ["PATCH /api/pipeline/products/{code}"] = Admin,
        ["PUT /api/pipeline/deals/{id}/products"] = Staff,
        ["POST /api/pipeline/deals/{id}/notes"] = Staff,
        ["POST /api/pipeline/deals/{id}/proposals"] = Staff,
        ["GET /api/pipeline/deals/{id}/proposals"] = Staff,
        ["GET /api/pipeline/proposals/{id}"] = Staff,
        ["PUT /api/pipeline/proposals/{id}"] = Staff,
        ["POST /api/pipeline/proposals/{id}/send"] = Staff,
        ["GET /api/pipeline/proposals/{id}/versions/{number}"] = Staff,
        ["GET /api/pipeline/proposals/{id}/versions/{number}/document"] = Staff,
        ["GET /api/pipeline/proposals/{id}/signature"] = Staff,
        // A proposal's signed link is the client's only credential: anyone holding it (nobody without it).
        ["GET /api/proposals/{token}"] = Anyone,
        ["POST /api/proposals/{token}/accept"] = Anyone,
        ["POST /api/proposals/{token}/decline"] = Anyone,
        ["POST /api/proposals/{token}/sign"] = Anyone,
        ["GET /api/insights/kpis"] = Staff,
        ["GET /api/insights/kpis.csv"] = Staff,
        ["GET /api/insights/kpis/{id}/records"] = Staff,
        ["GET /api/onboarding"] = Staff,
        ["GET /api/onboarding/{organizationId}"] = SignedIn,
        ["POST /api/onboarding/{organizationId}/steps/{step}/complete"] = Staff,
        ["PATCH /api/onboarding/{organizationId}/steps/{step}"] = Staff,
        ["POST /api/onboarding/{organizationId}/payments"] = Staff,
        ["POST /api/onboarding/{organizationId}/payments/{paymentId}/status"] = Staff,
        ["POST /api/onboarding/{organizationId}/users"] = Staff,
        ["POST /api/onboarding/{organizationId}/training"] = Staff,
        ["POST /api/onboarding/{organizationId}/training/{sessionId}/attendance"] = Staff,
        ["GET /api/trading/instruments"] = Trader,
        ["POST /api/trading/prices/import"] = Trader,
        ["POST /api/trading/optimize"] = Trader,
        ["POST /api/trading/frontier"] = Trader,
        ["POST /api/trading/backtest"] = Trader,
        ["GET /api/trading/backtests"] = Trader,
        ["GET /api/trading/record/export"] = Trader,
        ["POST /api/trading/portfolios/{id}/cash"] = Trader,
        ["GET /api/trading/portfolios/{id}/performance"] = Trader,
        ["GET /api/trading/backtests/{id}"] = Trader,
        ["GET /api/trading/portfolios"] = Trader,
        ["POST /api/trading/portfolios"] = Trader,
        ["GET /api/trading/portfolios/{id}"] = Trader,
        ["GET /api/trading/portfolios/{id}/orders"] = Trader,
        ["POST /api/trading/portfolios/{id}/orders"] = Trader,
        ["GET /api/trading/record/verify"] = Trader,
        ["GET /api/audit"] = Compliance,
        ["GET /api/compliance"] = Compliance,
        ["GET /api/audit/export"] = Compliance,
        ["GET /api/audit/verify"] = Compliance,
        ["GET /api/events/dead-letters"] = Admin,
        ["GET /api/admin/jobs"] = Admin,
        ["POST /api/events/dead-letters/{eventId}/replay"] = Admin,
        ["POST /api/privacy/requests"] = Compliance,
        ["GET /api/privacy/requests"] = Compliance,
        ["GET /api/privacy/requests/{id}"] = Compliance,
        ["POST /api/privacy/requests/{id}/complete"] = Compliance,
        ["POST /api/privacy/requests/{id}/reject"] = Compliance,
        ["GET /api/privacy/requests/{id}/export"] = Compliance,
        ["POST /api/privacy/consents"] = Compliance,
        ["GET /api/privacy/consents"] = Compliance,
        ["POST /api/privacy/retention/run"] = Compliance,
        ["GET /status/unsubscribe"] = Anyone,
        ["POST /api/privacy/do-not-sell"] = Anyone,
        ["GET /api/company/units"] = Staff,
        ["GET /api/company/regions"] = Staff,
        ["GET /api/company/specialists"] = Staff,
        ["PATCH /api/company/specialists/{id}"] = Admin,
        ["PUT /api/company/specialists/{id}/absence"] = Admin,
        ["DELETE /api/company/specialists/{id}/absence"] = Admin,
        ["GET /api/company/regions/{code}/holidays"] = Staff,
        ["POST /api/company/regions/{code}/holidays/import"] = Admin,
        ["DELETE /api/company/regions/{code}/holidays/{id}"] = Admin,
        ["PUT /api/company/regions/{code}/calendar"] = Admin,
        ["GET /api/company/calendars"] = Staff,
        ["POST /api/company/calendars"] = Admin,
        ["GET /api/company/calendars/{code}"] = Staff,
        ["PUT /api/company/calendars/{code}"] = Admin,
        ["DELETE /api/company/calendars/{code}"] = Admin,
        ["POST /api/company/calendars/{code}/holidays"] = Admin,
        ["PATCH /api/company/calendars/{code}/holidays/{id}"] = Admin,
        ["DELETE /api/company/calendars/{code}/holidays/{id}"] = Admin,
        ["POST /api/company/calendars/{code}/holidays/import"] = Admin,
        ["POST /api/optimize"] = Staff,
        ["GET /api/optimize/jobs/{id}"] = Staff,

        // Intake: the public front door, then staff work on leads.
        ["POST /api/leads"] = Anyone,
        ["POST /api/leads/{id}/touch"] = Staff,
        ["POST /api/leads/{leadId}/assessment"] = Staff,
        ["GET /api/leads/{leadId}/assessment"] = Staff,
        ["POST /api/leads/{leadId}/assessment/override"] = Staff,
        ["GET /api/assessments/questionnaire"] = Anyone,
        ["GET /api/assessments/{token}"] = Anyone,
        ["PUT /api/assessments/{token}/answers"] = Anyone,
        ["POST /api/assessments/{token}/complete"] = Anyone,
        ["POST /api/leads/{leadId}/route"] = Staff,
        ["POST /api/leads/{leadId}/reassign"] = Staff,
        ["GET /api/leads/{leadId}/routing"] = Staff,
        ["POST /api/routing/batch"] = Staff,
        ["GET /api/routing/decisions"] = Staff,

        // Monitoring: staff read, Admin changes; the status page, badges, subscriptions and heartbeats are public.
        ["POST /api/monitoring/heartbeat/{token}"] = Anyone,
        ["GET /api/monitoring/heartbeat/{token}"] = Anyone,
        ["GET /api/monitoring/uptime"] = Staff,
        ["GET /api/monitoring/reports/predictions"] = Staff,
        ["GET /api/monitoring/reports/recovery"] = Staff,
        ["GET /api/monitoring/service-levels"] = Staff,
        ["GET /api/monitoring/components"] = Staff,
        ["POST /api/monitoring/components"] = Admin,
        ["GET /api/monitoring/monitors"] = Staff,
        ["POST /api/monitoring/monitors"] = Admin,
        ["GET /api/monitoring/monitors/{id}"] = Staff,
        ["PUT /api/monitoring/monitors/{id}"] = Admin,
        ["DELETE /api/monitoring/monitors/{id}"] = Admin,
        ["GET /api/monitoring/monitors/{id}/results"] = Staff,
        ["GET /api/monitoring/incidents"] = Staff,
        ["POST /api/monitoring/incidents"] = Staff,
        ["GET /api/monitoring/incidents/{id}"] = Staff,
        ["POST /api/monitoring/incidents/{id}/updates"] = Staff,
        ["PUT /api/monitoring/incidents/{id}/postmortem"] = Staff,
        ["GET /api/monitoring/incidents/{id}/tickets"] = Staff,
        ["POST /api/monitoring/incidents/{id}/notify-clients"] = Staff,
        ["GET /api/monitoring/maintenance"] = Staff,
        ["POST /api/monitoring/maintenance"] = Admin,
        ["DELETE /api/monitoring/maintenance/{id}"] = Admin,
        ["GET /api/monitoring/runbooks"] = Staff,
        ["POST /api/monitoring/runbooks"] = Admin,
        ["DELETE /api/monitoring/runbooks/{id}"] = Admin,
        ["GET /api/monitoring/runbooks/runs"] = Staff,
        ["GET /api/monitoring/channels"] = Admin,
        ["POST /api/monitoring/channels"] = Admin,
        ["DELETE /api/monitoring/channels/{id}"] = Admin,
        ["GET /api/monitoring/channels/{id}/deliveries"] = Admin,
        ["PUT /api/monitoring/clients/{organizationId}/services"] = Admin,
        ["GET /api/monitoring/clients/{organizationId}/sla"] = Staff,
        ["GET /api/status"] = Anyone,
        ["GET /api/status/badge/{component}.svg"] = Anyone,
        ["GET /api/status/badge/{component}/uptime.svg"] = Anyone,
        ["GET /api/status/badge/{component}/ping.svg"] = Anyone,
        ["GET /api/status/badge/{component}/cert-exp.svg"] = Anyone,
        ["POST /api/status/subscriptions"] = Anyone,
        ["POST /status/subscribe"] = Anyone,

        // Support: the knowledge base is edited by staff and read publicly (public articles only); chats are staff's.
        ["GET /api/support/kb/articles"] = Staff,
        ["POST /api/support/kb/articles"] = Staff,
        ["GET /api/support/kb/articles/{id}"] = Staff,
        ["PUT /api/support/kb/articles/{id}"] = Staff,
        ["DELETE /api/support/kb/articles/{id}"] = Staff,
        ["GET /api/support/kb/search"] = Staff,
        ["POST /api/support/kb/categories"] = Staff,
        ["GET /api/support/help/articles"] = Anyone,
        ["GET /api/support/help/articles/{language}/{slug}"] = Anyone,
        ["GET /api/support/help/search"] = Anyone,
        ["GET /api/support/help/categories"] = Anyone,
        ["GET /api/support/chat/conversations"] = Staff,
        ["GET /api/support/chat/conversations/{id}"] = Staff,
        // Scheduling: the booking page (types, slots, holds, bookings, the client's signed manage link) is public;
        // calendars, availability and attendance are staff work.
        ["GET /api/scheduling/meeting-types"] = Anyone,
        ["GET /api/scheduling/meeting-types/{code}"] = Staff,
        ["POST /api/scheduling/meeting-types"] = Admin,
        ["PUT /api/scheduling/meeting-types/{code}"] = Admin,
        ["DELETE /api/scheduling/meeting-types/{code}"] = Admin,
        ["POST /api/scheduling/import"] = Admin,
        ["GET /api/scheduling/specialists/{specialistId}/slots"] = Anyone,
        ["GET /api/scheduling/units/{unitCode}/slots"] = Anyone,
        ["POST /api/scheduling/holds"] = Anyone,
        ["POST /api/scheduling/bookings"] = Anyone,
        ["GET /api/scheduling/manage/{token}"] = Anyone,
        ["POST /api/scheduling/manage/{token}/reschedule"] = Anyone,
        ["POST /api/scheduling/manage/{token}/cancel"] = Anyone,
        ["GET /api/scheduling/manage/{token}/invite.ics"] = Anyone,
        ["GET /api/scheduling/leads/{leadId}/slots"] = Staff,
        ["GET /api/scheduling/specialists/{specialistId}/overrides"] = Staff,
        ["PUT /api/scheduling/specialists/{specialistId}/overrides"] = Staff,
        ["DELETE /api/scheduling/specialists/{specialistId}/overrides/{date}"] = Staff,
        ["GET /api/scheduling/specialists/{specialistId}/schedules"] = Staff,
        ["POST /api/scheduling/specialists/{specialistId}/schedules"] = Staff,
        ["GET /api/scheduling/specialists/{specialistId}/schedules/{id}"] = Staff,
        ["PUT /api/scheduling/specialists/{specialistId}/schedules/{id}"] = Staff,
        ["DELETE /api/scheduling/specialists/{specialistId}/schedules/{id}"] = Staff,
        ["GET /api/scheduling/specialists/{specialistId}/time-off"] = Staff,
        ["POST /api/scheduling/specialists/{specialistId}/time-off"] = Staff,
        ["DELETE /api/scheduling/specialists/{specialistId}/time-off/{id}"] = Staff,
        ["GET /api/scheduling/bookings"] = Staff,
        ["GET /api/scheduling/bookings/{id}"] = Staff,
        ["POST /api/scheduling/bookings/{id}/reschedule"] = Staff,
        ["POST /api/scheduling/bookings/{id}/cancel"] = Staff,
        ["POST /api/scheduling/bookings/{id}/held"] = Staff,
        ["POST /api/scheduling/bookings/{id}/no-show"] = Staff,
        ["POST /api/scheduling/bookings/{id}/confirm"] = Staff,
        ["POST /api/scheduling/bookings/{id}/decline"] = Staff,
        ["GET /api/scheduling/bookings/{id}/briefing"] = Staff,
        ["POST /api/scheduling/bookings/{id}/follow-up"] = Staff,
        ["GET /api/scheduling/bookings/{id}/follow-up"] = Staff,
        ["POST /api/scheduling/batch"] = Staff,
        ["GET /api/scheduling/specialists/{specialistId}/calendars"] = Staff,
        ["POST /api/scheduling/specialists/{specialistId}/calendars"] = Staff,
        ["DELETE /api/scheduling/specialists/{specialistId}/calendars/{calendarId}"] = Staff,
        ["GET /api/scheduling/specialists/{specialistId}/feed-link"] = Staff,
        ["GET /api/scheduling/feeds/{token}/bookings.ics"] = Anyone,
        // Support: client users reach their own organization's tickets (query filters); staff work the desk; Admin configures.
        ["GET /api/support/tickets"] = SignedIn,
        ["POST /api/support/tickets"] = SignedIn,
        ["GET /api/support/tickets/{id}"] = SignedIn,
        ["POST /api/support/tickets/{id}/messages"] = SignedIn,
        ["POST /api/support/tickets/{id}/calls"] = Staff,
        ["POST /api/support/tickets/{id}/status"] = Staff,
        ["POST /api/support/tickets/{id}/priority"] = Staff,
        ["POST /api/support/tickets/{id}/assign"] = Staff,
        ["GET /api/support/tickets/{id}/attachments/{attachmentId}"] = SignedIn,
        ["GET /api/support/callbacks"] = Staff,
        ["POST /api/support/callbacks/{id}/done"] = Staff,
        ["POST /api/support/requests"] = Anyone,
        ["POST /api/support/import"] = Admin,
        ["GET /api/support/teams"] = Staff,
        ["POST /api/support/teams"] = Admin,
        ["PUT /api/support/teams/{id}/on-call"] = Admin,
        ["PUT /api/support/teams/{id}/calendar"] = Admin,
        ["GET /api/support/agents"] = Staff,
        ["POST /api/support/agents"] = Admin,
        ["PUT /api/support/agents/me/availability"] = Staff,
        ["GET /api/support/sla/policies"] = Staff,
        ["POST /api/support/sla/recompute"] = Admin,
        ["POST /api/support/inbox/pickup"] = Admin,
        ["GET /api/support/surveys/{token}"] = Anyone,
        ["POST /api/support/surveys/{token}"] = Anyone,
        ["GET /api/support/reports/satisfaction"] = Staff,
        ["POST /api/support/reports/nps/invite"] = Admin,
    };

    public sealed class Fixture : NqbaFactory
    {
        public Dictionary<string, HttpClient> Clients { get; } = new(StringComparer.Ordinal);

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Clients["anonymous"] = CreateClient();
            foreach (var role in NqbaRoles.All)
            {
                var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@matrix.test";
                var (_, password) = await CreateUserAsync(email, role, role == NqbaRoles.Client ? DemoCompany.AcmeCorp : null);
                var key = NqbaRoles.IsStaff(role) ? await EnableTotpAsync(email) : null;
                Clients[role] = await CreateClientForAsync(email, password, key);
            }
        }
    }

    public static TheoryData<string> Callers() => ["anonymous", .. NqbaRoles.All];

    private static bool Allowed(string rule, string caller) => rule switch
    {
        Anyone => true,
        SignedIn => caller != "anonymous",
        Staff => NqbaRoles.IsStaff(caller),
        Admin => caller == NqbaRoles.Admin,
        Compliance => caller is NqbaRoles.Admin or NqbaRoles.ComplianceOfficer,
        Trader => caller == NqbaRoles.Trader,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown rule"),
    };

    private async Task<List<(string Method, string Path)>> OperationsAsync()
    {
        var document = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return [.. document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Method: m.Name.ToUpperInvariant(), Path: p.Name.TrimEnd('/').Length == 0 ? "/" : p.Name.TrimEnd('/'))))];
    }

    [Fact]
    public async Task EveryOperation_HasADeclaredExpectation()
    {
        var undeclared = (await OperationsAsync()).Select(o => $"{o.Method} {o.Path}").Where(k => !Expected.ContainsKey(k)).ToList();

        Assert.True(undeclared.Count == 0, "Declare who may call: " + string.Join(", ", undeclared));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryOperation_AllowsAndDeniesAsDeclared(string caller)
    {
        var client = fixture.Clients[caller];
        var failures = new List<string>();
        // Signing out everywhere ends the caller's own session: it goes last.
        foreach (var (method, path) in (await OperationsAsync()).OrderBy(o => o.Path == "/api/auth/sessions/revoke"))
        {
            var key = $"{method} {path}";
            if (!Expected.TryGetValue(key, out var rule))
            {
                continue; // reported by EveryOperation_HasADeclaredExpectation
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), RouteParameter().Replace(path, Guid.NewGuid().ToString()));
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var allowed = Allowed(rule, caller);
            if (status >= 500)
            {
                failures.Add($"{key}: {status} (never a 5xx)");
            }
            else if (allowed && status is 401 or 403)
            {
                failures.Add($"{key}: {status}, expected access ({rule})");
            }
            else if (!allowed && status != (caller == "anonymous" ? 401 : 403))
            {
                failures.Add($"{key}: {status}, expected {(caller == "anonymous" ? 401 : 403)} ({rule})");
            }
        }

        Assert.True(failures.Count == 0, $"{caller}: " + string.Join("; ", failures));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();
}
