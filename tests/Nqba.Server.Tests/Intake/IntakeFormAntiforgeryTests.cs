using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform;
using Nqba.Testing;

namespace Nqba.Server.Tests.Intake;

public sealed partial class IntakeFormAntiforgeryTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private static Dictionary<string, string> Form(string email) => new()
    {
        ["Name"] = "Forged Form",
        ["Email"] = email,
        ["Company"] = "Forgery Inc",
        ["RegionCode"] = "europe",
        ["Lang"] = "en",
    };

    private async Task<(int Leads, int Contacts, int Audit)> CountsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await intake.Leads.IgnoreQueryFilters().CountAsync(), await intake.Contacts.IgnoreQueryFilters().CountAsync(), await platform.AuditEntries.CountAsync());
    }


    [Fact]
    public async Task IntakeForm_PostedWithoutAntiforgeryToken_Is400Problem_AndWritesNothing()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var before = await CountsAsync();

        var response = await client.PostAsync("/intake/submit", new FormUrlEncodedContent(Form($"forged-{Guid.NewGuid():N}@intake.test")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task IntakeForm_PostedWithTheTokenFromThePage_IsAccepted()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/intake");
        var form = Form($"genuine-{Guid.NewGuid():N}@intake.test");
        form["__RequestVerificationToken"] = AntiforgeryTokens.From(page);
        var before = await CountsAsync();

        var response = await client.PostAsync("/intake/submit", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/intake/assessment/", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before.Leads + 1, (await CountsAsync()).Leads);
    }
}
