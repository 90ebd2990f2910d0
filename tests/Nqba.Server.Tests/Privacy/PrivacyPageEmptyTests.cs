using Nqba.Testing;

namespace Nqba.Server.Tests.Privacy;

/// <summary>The privacy requests page of a fresh install says that there are none instead of showing an empty table.</summary>
public sealed class PrivacyPageEmptyTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Fact]
    public async Task FreshInstall_SaysThereAreNoRequests_AndHowOneIsRecorded()
    {
        var admin = await factory.CreateAdminClientAsync();

        var page = await admin.GetStringAsync("/admin/privacy");

        Assert.Contains("data-testid=\"no-requests\"", page, StringComparison.Ordinal);
        Assert.Contains("No privacy requests yet", page, StringComparison.Ordinal);
    }
}
