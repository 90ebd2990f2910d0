using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.SupportChat;

/// <summary>Knowledge base through its API, on the test database's provider (SQLite FTS5 or PostgreSQL full-text).</summary>
public sealed class KnowledgeBaseTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Fact]
    public async Task Search_RanksTheArticleAboutTheQueryFirst()
    {
        var admin = await factory.CreateAdminClientAsync();
        var word = Unique();
        var passing = await CreateAsync(admin, $"Billing {word} notes", $"Invoices are sent monthly. Your {word} password is never printed on an invoice.", "en");
        var best = await CreateAsync(admin, $"Reset your {word} password", $"To reset a forgotten {word} password, open the sign-in page and choose *Forgot password*. We send a reset link.", "en");

        var hits = await admin.GetFromJsonAsync<JsonElement>($"/api/support/kb/search?q={word}+password+reset&language=en");

        var ids = hits.EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([best, passing], ids);
        Assert.True(hits[0].GetProperty("score").GetDouble() > hits[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Search_ReturnsOnlyArticlesOfTheRequestedLanguage()
    {
        var admin = await factory.CreateAdminClientAsync();
        var word = Unique();
        var english = await CreateAsync(admin, $"Exporting {word} reports", $"Open {word} reports and choose export.", "en");
        var german = await CreateAsync(admin, $"{word} Berichte exportieren", $"Öffnen Sie {word} Berichte und wählen Sie Export.", "de");

        var en = await admin.GetFromJsonAsync<JsonElement>($"/api/support/help/search?q={word}&language=en");
        var de = await admin.GetFromJsonAsync<JsonElement>($"/api/support/help/search?q={word}+Berichte&language=de");

        Assert.Equal([english], en.EnumerateArray().Select(h => h.GetProperty("id").GetGuid()));
        Assert.Equal([german], de.EnumerateArray().Select(h => h.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Search_FindsJapaneseArticlesFromAJapaneseQuestion()
    {
        var admin = await factory.CreateAdminClientAsync();
        var japanese = await CreateAsync(admin, "パスワードのリセット方法", "サインイン画面で「パスワードを忘れた」を選ぶと、リセット用のリンクをメールでお送りします。", "ja", slug: "pw-" + Unique());
        await CreateAsync(admin, "請求書の確認", "請求書は毎月メールで届きます。", "ja", slug: "inv-" + Unique());

        var hits = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/support/help/search?q={Uri.EscapeDataString("パスワードをリセットしたい")}&language=ja");

        Assert.Equal(japanese, hits[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task InternalArticle_IsFoundByStaff_AndHiddenFromThePublic()
    {
        var admin = await factory.CreateAdminClientAsync();
        var anonymous = factory.CreateClient();
        var word = Unique();
        var slug = "escalation-" + word;
        var id = await CreateAsync(admin, $"Escalation {word} playbook", $"Page the on-call {word} engineer.", "en", "Internal", slug);

        var staff = await admin.GetFromJsonAsync<JsonElement>($"/api/support/kb/search?q={word}&language=en");
        var visitor = await anonymous.GetFromJsonAsync<JsonElement>($"/api/support/help/search?q={word}&language=en");
        var direct = await anonymous.GetAsync($"/api/support/help/articles/en/{slug}");
        var listed = await anonymous.GetFromJsonAsync<JsonElement>("/api/support/help/articles?language=en");

        Assert.Equal([id], staff.EnumerateArray().Select(h => h.GetProperty("id").GetGuid()));
        Assert.Empty(visitor.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.DoesNotContain(listed.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Markdown_IsRendered_AndScriptsAreRemoved()
    {
        var admin = await factory.CreateAdminClientAsync();
        var slug = "md-" + Unique();
        var body = "# Heading\n\nSome **bold** text <script>alert('x')</script> and [a link](javascript:alert(1)) and <img src=x onerror=alert(1)>.";
        await CreateAsync(admin, "Markdown article", body, "en", slug: slug);

        var article = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/support/help/articles/en/{slug}");
        var html = article.GetProperty("html").GetString()!;

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(body, article.GetProperty("body").GetString());
    }

    [Fact]
    public async Task UpdateAndDelete_KeepTheSearchIndexInStep()
    {
        var admin = await factory.CreateAdminClientAsync();
        var before = Unique();
        var after = Unique();
        var slug = "moving-" + before;
        var id = await CreateAsync(admin, $"About {before}", $"Text on {before}.", "en", slug: slug);

        var updated = await admin.PutAsJsonAsync($"/api/support/kb/articles/{id}", new { title = $"About {after}", slug, body = $"Text on {after}.", language = "en", visibility = "Public" });
        var oldHits = await admin.GetFromJsonAsync<JsonElement>($"/api/support/kb/search?q={before}&language=en");
        var newHits = await admin.GetFromJsonAsync<JsonElement>($"/api/support/kb/search?q={after}&language=en");
        var deleted = await admin.DeleteAsync($"/api/support/kb/articles/{id}");
        var goneHits = await admin.GetFromJsonAsync<JsonElement>($"/api/support/kb/search?q={after}&language=en");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Empty(oldHits.EnumerateArray());
        Assert.Equal([id], newHits.EnumerateArray().Select(h => h.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(goneHits.EnumerateArray());
    }

    [Fact]
    public async Task BadArticles_AreRejectedNamingTheField_AndWriteNothing()
    {
        var admin = await factory.CreateAdminClientAsync();
        var slug = "dup-" + Unique();
        await CreateAsync(admin, "First", "Body", "en", slug: slug);
        var count = (await admin.GetFromJsonAsync<JsonElement>("/api/support/kb/articles")).GetArrayLength();

        var french = await admin.PostAsJsonAsync("/api/support/kb/articles", new { title = "Bonjour", slug = "fr-" + Unique(), body = "Texte", language = "fr" });
        var badSlug = await admin.PostAsJsonAsync("/api/support/kb/articles", new { title = "Bad slug", slug = "Not A Slug!", body = "Text", language = "en" });
        var duplicate = await admin.PostAsJsonAsync("/api/support/kb/articles", new { title = "Second", slug, body = "Body", language = "en" });
        var unknownCategory = await admin.PostAsJsonAsync("/api/support/kb/articles", new { title = "Lost", slug = "lost-" + Unique(), body = "Body", language = "en", categoryId = Guid.NewGuid() });
        var emptyQuery = await admin.GetAsync("/api/support/help/search?q=&language=en");

        Assert.Equal(HttpStatusCode.BadRequest, french.StatusCode);
        Assert.True((await french.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("language", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badSlug.StatusCode);
        Assert.Contains("Slug", await badSlug.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownCategory.StatusCode);
        Assert.True((await unknownCategory.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("categoryId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, emptyQuery.StatusCode);
        Assert.Equal(count, (await admin.GetFromJsonAsync<JsonElement>("/api/support/kb/articles")).GetArrayLength());
    }

    [Fact]
    public async Task Categories_AreCreatedByStaff_AndListedPublicly()
    {
        var admin = await factory.CreateAdminClientAsync();
        var slug = "billing-" + Unique();

        var created = await admin.PostAsJsonAsync("/api/support/kb/categories", new { slug, name = "Billing" });
        var category = await created.Content.ReadFromJsonAsync<JsonElement>();
        var article = await CreateAsync(admin, "Invoices", "Monthly.", "en", slug: "inv-" + Unique(), categoryId: category.GetProperty("id").GetGuid());
        var listed = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/support/help/categories");
        var inCategory = await admin.GetFromJsonAsync<JsonElement>($"/api/support/kb/articles?categoryId={category.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("slug").GetString() == slug);
        Assert.Equal([article], inCategory.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
    }

    internal static string Unique() => "w" + Guid.NewGuid().ToString("N")[..10];

    internal static async Task<Guid> CreateAsync(HttpClient admin, string title, string body, string language, string visibility = "Public", string? slug = null, Guid? categoryId = null)
    {
        var response = await admin.PostAsJsonAsync("/api/support/kb/articles", new { title, slug = slug ?? "a-" + Unique(), body, language, visibility, categoryId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
