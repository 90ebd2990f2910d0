using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Server.Tests.Pipeline;

/// <summary>
/// Issue 20, item 2: deals built from the product catalogue. The catalogue (admins edit it, staff read it), a deal's
/// products with its value and monthly recurring revenue worked out from them, all-or-nothing edits that name the bad
/// item, and the races: two edits of one deal's products, two admins adding one code.
/// </summary>
public sealed class PipelineCatalogueTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Fact]
    public async Task TheDemoCatalogue_IsSeeded_AndAdminsAddAndRetireProducts_WhileOtherStaffOnlyRead()
    {
        var admin = await factory.CreateAdminClientAsync();
        var products = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/pipeline/products"))!;
        Assert.Contains(products, p => p.GetProperty("code").GetString() == "sigma-intelligence" && p.GetProperty("billing").GetString() == "monthly" && p.GetProperty("price").GetDecimal() == 1200m);
        Assert.Equal(4, products.Select(p => p.GetProperty("unit").GetString()).Distinct().Count());

        var code = $"p-{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/pipeline/products", new { code, name = "Data room", unit = "nqba-core", billing = "annual", price = 6000m, currency = "usd" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("USD", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currency").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/pipeline/products", new { code, name = "Again", unit = "nqba-core", billing = "annual", price = 1m, currency = "USD" })).StatusCode);

        var email = $"rep-{Guid.NewGuid():N}@catalogue.example";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.SalesRep);
        var rep = await factory.CreateClientForAsync(email, password, await factory.EnableTotpAsync(email));
        Assert.Contains((await rep.GetFromJsonAsync<List<JsonElement>>("/api/pipeline/products?unit=nqba-core"))!, p => p.GetProperty("code").GetString() == code);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsJsonAsync("/api/pipeline/products", new { code = code + "x", name = "Mine", unit = "nqba-core", billing = "annual", price = 1m, currency = "USD" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PatchAsJsonAsync($"/api/pipeline/products/{code}", new { active = false })).StatusCode);

        var retired = await admin.PatchAsJsonAsync($"/api/pipeline/products/{code}", new { active = false, price = 6500m });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        var body = await retired.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("active").GetBoolean());
        Assert.Equal(6500m, body.GetProperty("price").GetDecimal());
        Assert.DoesNotContain((await admin.GetFromJsonAsync<List<JsonElement>>("/api/pipeline/products?active=true"))!, p => p.GetProperty("code").GetString() == code);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsJsonAsync("/api/pipeline/products/no-such-product", new { active = false })).StatusCode);
    }

    [Fact]
    public async Task AProductWithBadFields_IsA400NamingEachField_AndNothingIsWritten()
    {
        var admin = await factory.CreateAdminClientAsync();
        var bad = await admin.PostAsJsonAsync("/api/pipeline/products", new { code = "Bad Code!", name = "", unit = "no-such-unit", billing = "weekly", price = -1m, currency = "dollars" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "code", "name", "price", "currency" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        var unknownUnit = await admin.PostAsJsonAsync("/api/pipeline/products", new { code = "fine-code", name = "Fine", unit = "no-such-unit", billing = "weekly", price = 1m, currency = "USD" });
        var unitErrors = (await unknownUnit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(unitErrors.TryGetProperty("unit", out _));
        Assert.True(unitErrors.TryGetProperty("billing", out _));
        Assert.DoesNotContain((await admin.GetFromJsonAsync<List<JsonElement>>("/api/pipeline/products"))!, p => p.GetProperty("code").GetString() == "fine-code");
    }

    [Fact]
    public async Task ADealsProducts_SetItsValueAndMonthlyRecurring_AndABadItemLeavesTheDealAsItWas()
    {
        var (admin, dealId, _) = await ProposalsApiTests.DealAsync(factory, value: 999m);
        // The deal is in EUR (DealAsync); the catalogue's products are priced in USD, so each names its EUR price.
        var missingPrice = await admin.PutAsJsonAsync($"/api/pipeline/deals/{dealId}/products", new { items = new object[] { new { product = "sigma-intelligence", quantity = 2 } } });
        Assert.Equal(HttpStatusCode.BadRequest, missingPrice.StatusCode);
        Assert.True((await missingPrice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("items[0].unitPrice", out _));

        var set = await admin.PutAsJsonAsync($"/api/pipeline/deals/{dealId}/products", new
        {
            items = new object[]
            {
                new { product = "sigma-intelligence", quantity = 2, unitPrice = 1100m },  // 2 × 1,100 a month
                new { product = "flyfox-implementation", unitPrice = 14000m },            // 14,000 once
                new { product = "nqba-platform", quantity = 1, unitPrice = 22000m },      // 22,000 a year
            },
        });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var deal = await set.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2 * 1100m * 12 + 14000m + 22000m, deal.GetProperty("value").GetDecimal()); // the first year: 62,400
        Assert.Equal(4033.33m, deal.GetProperty("monthlyRecurring").GetDecimal()); // 2 × 1,100 + 22,000 / 12, to the cent
        var items = deal.GetProperty("products").EnumerateArray().ToList();
        Assert.Equal(["sigma-intelligence", "flyfox-implementation", "nqba-platform"], items.Select(i => i.GetProperty("product").GetString()!).ToArray());
        Assert.Equal(["monthly", "one-time", "annual"], items.Select(i => i.GetProperty("billing").GetString()!).ToArray());
        Assert.Equal(2200m, items[0].GetProperty("amount").GetDecimal());

        // One bad item among good ones: a 400 naming it, and the deal keeps its three products and value.
        var bad = await admin.PutAsJsonAsync($"/api/pipeline/deals/{dealId}/products", new
        {
            items = new object[] { new { product = "sigma-intelligence", unitPrice = 1m }, new { product = "sigma-intelligence", quantity = 0, unitPrice = 1m }, new { product = "nope", unitPrice = 1m } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("items[1].quantity", out _));
        Assert.True(errors.TryGetProperty("items[2].product", out _));
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}");
        Assert.Equal(3, after.GetProperty("products").GetArrayLength());
        Assert.Equal(62400m, after.GetProperty("value").GetDecimal());

        // The deal page shows them, with the recurring figure.
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/pipeline/deals/{dealId}"));
        Assert.Contains("Sigma Select sales intelligence", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"deal-recurring\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDealPagesForms_AddAndRemoveAProduct_AndJunkComesBackNamed()
    {
        var (admin, dealId, _) = await ProposalsApiTests.DealAsync(factory);
        await admin.PatchAsJsonAsync($"/api/pipeline/deals/{dealId}", new { currency = "USD" });
        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var html = await browser.GetStringAsync($"/pipeline/deals/{dealId}");
        var token = AntiforgeryTokens.From(html);
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}")).GetProperty("version").GetInt32();

        var junk = await browser.PostAsync($"/pipeline/deals/{dealId}/products/add", Form(token, ("Product", "goliath-portfolio"), ("Quantity", "two"), ("Version", $"{version}")));
        Assert.Equal(HttpStatusCode.Redirect, junk.StatusCode);
        Assert.Contains("quantity must be a number", WebUtility.UrlDecode(junk.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var added = await browser.PostAsync($"/pipeline/deals/{dealId}/products/add", Form(token, ("Product", "goliath-portfolio"), ("Quantity", "3"), ("Version", $"{version}")));
        Assert.Equal($"/pipeline/deals/{dealId}#products", added.Headers.Location!.OriginalString);
        var deal = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}");
        Assert.Equal(3 * 3000m * 12, deal.GetProperty("value").GetDecimal()); // the list price, 3,000 a month
        Assert.Equal(9000m, deal.GetProperty("monthlyRecurring").GetDecimal());

        // A form drawn before that change is stale: refused, not applied over it.
        var stale = await browser.PostAsync($"/pipeline/deals/{dealId}/products/remove", Form(token, ("Position", "0"), ("Version", $"{version}")));
        Assert.Contains("error=", stale.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var removed = await browser.PostAsync($"/pipeline/deals/{dealId}/products/remove", Form(token, ("Position", "0"), ("Version", $"{deal.GetProperty("version").GetInt32()}")));
        Assert.DoesNotContain("error=", removed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}")).GetProperty("products").GetArrayLength());
    }

    [Fact]
    public async Task TwoEditsOfOneDealsProducts_AtTheSameVersion_OneWins_EveryRound()
    {
        var (admin, dealId, _) = await ProposalsApiTests.DealAsync(factory);
        for (var round = 0; round < 15; round++)
        {
            var deal = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}");
            var etag = $"\"{deal.GetProperty("version").GetInt32()}\"";
            async Task<HttpResponseMessage> PutAsync(string product, decimal price)
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/pipeline/deals/{dealId}/products")
                {
                    Content = JsonContent.Create(new { items = new object[] { new { product, quantity = 1, unitPrice = price } } }),
                };
                request.Headers.TryAddWithoutValidation("If-Match", etag);
                return await admin.SendAsync(request);
            }

            var answers = await Task.WhenAll(PutAsync("goliath-portfolio", 100m + round), PutAsync("goliath-paper-trading", 200m + round));
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            Assert.Single(answers, a => a.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict);
            var winner = Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.OK);
            var after = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}");
            var item = Assert.Single(after.GetProperty("products").EnumerateArray());
            Assert.Equal(winner == 0 ? "goliath-portfolio" : "goliath-paper-trading", item.GetProperty("product").GetString());
            Assert.Equal(((winner == 0 ? 100m : 200m) + round) * 12, after.GetProperty("value").GetDecimal());
        }
    }

    [Fact]
    public async Task TwoAdminsAddingOneCode_GetOneProduct_EveryRound()
    {
        var admin = await factory.CreateAdminClientAsync();
        for (var round = 0; round < 15; round++)
        {
            var code = $"race-{Guid.NewGuid():N}"[..24];
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(n =>
                admin.PostAsJsonAsync("/api/pipeline/products", new { code, name = $"Race {n}", unit = "flyfox-ai", billing = "monthly", price = 10m, currency = "USD" })));
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
            Assert.Single((await admin.GetFromJsonAsync<List<JsonElement>>("/api/pipeline/products?unit=flyfox-ai"))!, p => p.GetProperty("code").GetString() == code);
        }
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", token)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
}
