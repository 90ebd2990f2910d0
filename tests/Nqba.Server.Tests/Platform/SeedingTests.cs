using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

public sealed class SeedingTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Fact]
    public async Task FirstStart_SeedsTheDemoCompany()
    {
        var admin = await factory.CreateAdminClientAsync();

        var units = await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/units");
        var regions = await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/regions");
        var specialists = await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/specialists");
        var clients = await admin.GetFromJsonAsync<List<JsonElement>>("/api/clients");

        Assert.Equal(["FLYFOX AI", "Goliath Trade", "NQBA Core", "Sigma Select"], units!.Select(u => u.GetProperty("name").GetString()).Order());
        var berlin = Assert.Single(regions!, r => r.GetProperty("code").GetString() == "europe");
        Assert.Equal("Europe/Berlin", berlin.GetProperty("timeZone").GetString());
        Assert.Equal("09:00:00", berlin.GetProperty("opensAt").GetString());
        Assert.Equal("17:00:00", berlin.GetProperty("closesAt").GetString());
        Assert.Equal(["America/Los_Angeles", "America/New_York", "Asia/Tokyo", "Europe/Berlin"], regions!.Select(r => r.GetProperty("timeZone").GetString()).Order());
        Assert.Equal(12, specialists!.Count);
        Assert.Equal(3, specialists.Select(s => s.GetProperty("businessUnitId").GetGuid()).Distinct().Count(u => specialists.Count(s => s.GetProperty("businessUnitId").GetGuid() == u) >= 3));
        Assert.Equal(4, specialists.Select(s => s.GetProperty("regionId").GetGuid()).Distinct().Count());
        Assert.True(clients!.Count >= 4);
    }
}
