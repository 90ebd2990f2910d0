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
        Assert.Equal("europe", berlin.GetProperty("calendar").GetString());
        var week = berlin.GetProperty("week").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5], week.Select(w => w.GetProperty("day").GetInt32()));
        Assert.All(week, w => Assert.Equal(("09:00:00", "17:00:00"), (w.GetProperty("opens").GetString(), w.GetProperty("closes").GetString())));
        Assert.Equal(["America/Los_Angeles", "America/New_York", "Asia/Tokyo", "Europe/Berlin"], regions!.Select(r => r.GetProperty("timeZone").GetString()).Order());
        Assert.Equal(12, specialists!.Count);
        Assert.Equal(3, specialists.Select(s => s.GetProperty("businessUnitId").GetGuid()).Distinct().Count(u => specialists.Count(s => s.GetProperty("businessUnitId").GetGuid() == u) >= 3));
        Assert.Equal(4, specialists.Select(s => s.GetProperty("regionId").GetGuid()).Distinct().Count());
        Assert.True(clients!.Count >= 4);
    }
}
