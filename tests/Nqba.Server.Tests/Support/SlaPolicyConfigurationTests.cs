using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Modules.Support;
using Nqba.Server.Modules.Support.Sla;

namespace Nqba.Server.Tests.Support;

/// <summary>
/// Configured SLA policies replace the product defaults (Zammad's model: the configured list is the list), with a
/// catch-all, "no SLA" for a tag, empty targets and conditions on organization, tag and subject.
/// </summary>
public sealed class SlaPolicyConfigurationTests(SlaPolicyConfigurationTests.ConfiguredPolicies factory) : IClassFixture<SlaPolicyConfigurationTests.ConfiguredPolicies>
{
    public sealed class ConfiguredPolicies : SupportFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Support:SlaPolicies:0:Name"] = "Everything";
                settings["Support:SlaPolicies:0:FirstResponse"] = "00:30:00";
                settings["Support:SlaPolicies:0:Resolution"] = "08:00:00";
                settings["Support:SlaPolicies:1:Name"] = "Urgent";
                settings["Support:SlaPolicies:1:Priority"] = "Urgent";
                settings["Support:SlaPolicies:1:FirstResponse"] = "00:10:00";
                settings["Support:SlaPolicies:1:NextResponse"] = "00:20:00";
                settings["Support:SlaPolicies:1:Resolution"] = "04:00:00";
                settings["Support:SlaPolicies:2:Name"] = "No SLA for spam";
                settings["Support:SlaPolicies:2:Tag"] = "spam";
                settings["Support:SlaPolicies:3:Name"] = "Outages";
                settings["Support:SlaPolicies:3:SubjectPattern"] = "\\b(outage|down)\\b";
                settings["Support:SlaPolicies:3:FirstResponse"] = "00:05:00";
                settings["Support:SlaPolicies:3:AroundTheClock"] = "true";
                return settings;
            }
        }
    }

    private async Task<JsonElement> OpenAsync(object body)
    {
        var admin = await factory.CreateAdminClientAsync();
        return await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", body));
    }

    [Fact]
    public async Task ConfiguredPolicies_ReplaceTheProductDefaults()
    {
        var admin = await factory.CreateAdminClientAsync();

        var policies = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/sla/policies"))!;

        Assert.Equal(["Everything", "Urgent", "No SLA for spam", "Outages"], policies.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, policies[0].GetProperty("nextResponse").ValueKind);
    }

    [Fact]
    public async Task ACatchAll_AppliesToAnyTicket_AndAnEmptyTargetRunsNoClock()
    {
        var ticket = await OpenAsync(new { subject = "Export question", body = "How?", requesterName = "Caller", channel = "Email" });

        Assert.Equal("Everything", ticket.GetProperty("slaPolicy").GetString());
        Assert.NotEqual(JsonValueKind.Null, ticket.GetProperty("firstResponse").GetProperty("dueAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("nextResponse").GetProperty("dueAt").ValueKind);
    }

    [Fact]
    public async Task AConfiguredUrgentPolicy_Wins_AndATagCanMeanNoSla()
    {
        var urgent = await OpenAsync(new { subject = "Invoices wrong", body = "All of them", requesterName = "Caller", channel = "Phone", priority = "Urgent" });
        var spam = await OpenAsync(new { subject = "Cheap watches", body = "Buy now", requesterName = "Caller", channel = "Phone", tags = "spam" });

        Assert.Equal("Urgent", urgent.GetProperty("slaPolicy").GetString());
        Assert.Equal("No SLA for spam", spam.GetProperty("slaPolicy").GetString());
        Assert.Equal(JsonValueKind.Null, spam.GetProperty("nextDueAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, spam.GetProperty("firstResponse").GetProperty("dueAt").ValueKind);
    }

    [Fact]
    public async Task ASubjectPattern_MatchesCaseInsensitively_OnWholeWords()
    {
        var outage = await OpenAsync(new { subject = "Portal DOWN since 9", body = "Nothing loads", requesterName = "Caller", channel = "Phone" });
        var other = await OpenAsync(new { subject = "Downloads are slow", body = "Since 9", requesterName = "Caller", channel = "Phone" });

        Assert.Equal("Outages", outage.GetProperty("slaPolicy").GetString());
        Assert.Equal("Everything", other.GetProperty("slaPolicy").GetString());
    }

    [Fact]
    public void ABadSubjectPattern_IsRefusedAtStart_NamingThePolicy()
    {
        var options = new SupportOptions { SlaPolicies = [new SlaPolicy { Name = "Broken", SubjectPattern = "(unclosed" }] };

        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.ErrorMessage!.Contains("'Broken'", StringComparison.Ordinal) && r.ErrorMessage.Contains("SubjectPattern", StringComparison.Ordinal));
    }
}
