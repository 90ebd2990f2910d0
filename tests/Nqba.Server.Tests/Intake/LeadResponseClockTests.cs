using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Intake.Response;
using Nqba.Server.Platform.Calendar;
using Nqba.Testing;

namespace Nqba.Server.Tests.Intake;

public sealed class LeadResponseClockTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private static readonly BusinessCalendar Berlin = new(BusinessHours.Uniform("Europe/Berlin", new(9, 0), new(17, 0), [1, 2, 3, 4, 5], []));

    // Friday 27 Nov 2026 16:58 in Berlin (CET, UTC+1).
    private static readonly DateTime FridayEvening = new(2026, 11, 27, 15, 58, 0, DateTimeKind.Utc);

    private static ResponseClockReading Read(DateTime now, DateTime? touched = null) =>
        LeadResponseClock.Read(FridayEvening, touched, now, Berlin, TimeSpan.FromMinutes(5), 0.6);

    [Fact]
    public void Read_OverTheWeekend_OnlyBusinessMinutesCount()
    {
        var sundayNoon = Read(new DateTime(2026, 11, 29, 11, 0, 0, DateTimeKind.Utc));

        Assert.Equal(ResponseState.Running, sundayNoon.State);
        Assert.Equal(TimeSpan.FromMinutes(2), sundayNoon.Elapsed);
        Assert.Equal(new DateTime(2026, 11, 30, 8, 3, 0, DateTimeKind.Utc), sundayNoon.DueAt); // Monday 09:03 CET
    }

    [Fact]
    public void Read_MondayMorning_EscalatesThenBreaches()
    {
        Assert.Equal(ResponseState.AtRisk, Read(new DateTime(2026, 11, 30, 8, 1, 0, DateTimeKind.Utc)).State); // 3 of 5 minutes
        Assert.Equal(ResponseState.Breached, Read(new DateTime(2026, 11, 30, 8, 4, 0, DateTimeKind.Utc)).State);
    }

    [Fact]
    public void Read_TouchedMondayBeforeDue_IsMet_AfterDue_IsMetLate()
    {
        var later = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(ResponseState.Met, Read(later, touched: new DateTime(2026, 11, 30, 8, 2, 0, DateTimeKind.Utc)).State);
        Assert.Equal(ResponseState.MetLate, Read(later, touched: new DateTime(2026, 11, 30, 8, 30, 0, DateTimeKind.Utc)).State);
    }

    [Fact]
    public async Task Watch_UntouchedLeadPastTarget_IsEscalatedAndBreachedOnce_TouchedLeadIsNot()
    {
        var anonymous = factory.CreateClient();
        var admin = await factory.CreateAdminClientAsync();
        async Task<Guid> Capture() => (await (await anonymous.PostAsJsonAsync("/api/leads", new { name = "Kai", email = $"kai@clock-{Guid.NewGuid():N}.example", company = "Clock AG", regionCode = "europe" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        var untouched = await Capture();
        var touched = await Capture();
        await admin.PostAsync($"/api/leads/{touched}/touch", null);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var watch = scope.ServiceProvider.GetRequiredService<LeadResponseWatch>();
            await watch.CheckAsync(DateTime.UtcNow.AddDays(8), CancellationToken.None);
            await watch.CheckAsync(DateTime.UtcNow.AddDays(9), CancellationToken.None);
        }

        var lead = await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{untouched}");
        Assert.Equal("Breached", lead.GetProperty("responseState").GetString());
        Assert.NotEqual(JsonValueKind.Null, lead.GetProperty("escalatedAt").ValueKind);
        var breachedAt = lead.GetProperty("breachedAt").GetDateTime();
        Assert.Equal(lead.GetProperty("responseDueAt").GetDateTime(), breachedAt);
        Assert.Equal("Met", (await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{touched}")).GetProperty("responseState").GetString());
    }

    [Fact]
    public async Task Watch_LeadWhoseAssessmentWasAbandoned_GoesToNqbaCoresLead_WhoIsTold()
    {
        var anonymous = factory.CreateClient();
        var admin = await factory.CreateAdminClientAsync();
        var leadId = (await (await anonymous.PostAsJsonAsync("/api/leads", new { name = "Ines", email = $"ines@abandoned-{Guid.NewGuid():N}.example", company = "Abandoned SA", regionCode = "europe" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        var units = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/units"))!;
        var core = units.Single(u => u.GetProperty("code").GetString() == "nqba-core").GetProperty("id").GetGuid();
        var coreLead = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/specialists"))!
            .Where(s => s.GetProperty("businessUnitId").GetGuid() == core)
            .OrderByDescending(s => s.GetProperty("seniority").GetInt32()).ThenBy(s => s.GetProperty("displayName").GetString(), StringComparer.Ordinal).First();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LeadResponseWatch>().CheckAsync(DateTime.UtcNow.AddDays(8), CancellationToken.None);
        }

        var lead = await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}");
        Assert.Equal(coreLead.GetProperty("id").GetGuid(), lead.GetProperty("specialistId").GetGuid());
        Assert.Equal("nqba-core", lead.GetProperty("unitCode").GetString());
        Assert.Equal("Routed", lead.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, lead.GetProperty("escalatedAt").ValueKind);
        var decision = Assert.Single((await admin.GetFromJsonAsync<List<JsonElement>>($"/api/leads/{leadId}/routing"))!);
        Assert.Equal("default-owner", decision.GetProperty("method").GetString());
        var address = coreLead.GetProperty("email").GetString()!;
        var mail = await MailToAsync(address, leadId);
        Assert.NotNull(mail);
    }

    [Fact]
    public async Task SeededDemoLeads_HaveARegion_SoTheirResponseClockRuns()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LeadResponseWatch>().CheckAsync(DateTime.UtcNow, CancellationToken.None);
        }

        var demo = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/leads"))!
            .Where(l => l.GetProperty("contactEmail").GetString() is { } e && (e.EndsWith("@acme.example", StringComparison.Ordinal) || e.EndsWith("@nordwerk.example", StringComparison.Ordinal)
                || e.EndsWith("@sakura-capital.example", StringComparison.Ordinal) || e.EndsWith("@pacific-retail.example", StringComparison.Ordinal)))
            .ToList();

        Assert.Equal(5, demo.Count);
        Assert.All(demo, l =>
        {
            Assert.NotEqual(JsonValueKind.Null, l.GetProperty("regionCode").ValueKind);
            Assert.NotEqual(JsonValueKind.Null, l.GetProperty("responseDueAt").ValueKind);
        });
    }

    /// <summary>The mail the outbox sends to <paramref name="address"/> about the lead, once the events due now are delivered.</summary>
    private async Task<MimeKit.MimeMessage?> MailToAsync(string address, Guid leadId) =>
        (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == address) && m.TextBody?.Contains(leadId.ToString(), StringComparison.Ordinal) == true
            && (m.Subject ?? string.Empty).Contains("nqba-core", StringComparison.OrdinalIgnoreCase))).FirstOrDefault();
}
