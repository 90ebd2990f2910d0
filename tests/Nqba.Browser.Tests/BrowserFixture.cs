using Microsoft.Playwright;
using Nqba.Testing;

namespace Nqba.Browser.Tests;

/// <summary>
/// The server on a real Kestrel port plus Debian's Chromium driven by Playwright (never a downloaded browser).
/// </summary>
public sealed class BrowserFixture : NqbaFactory
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>A port free when the fixture is made, so the links the server writes (invites, mails) can name it.</summary>
    private readonly int _port = FreePort();

    /// <summary>A person in a browser cannot run the outbox by hand: the server delivers its events itself, as in production.</summary>
    protected override bool SeedDemoPrices => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Platform:PublicUrl"] = $"http://127.0.0.1:{_port}",
        ["Events:DispatchInBackground"] = "true",
    };

    protected override void Start()
    {
        UseKestrel(_port);
        StartServer();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("NQBA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string locale = "en-US", string? timeZone = null, bool axe = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = timeZone,
        });
        // Generous: the first page of a cold server on a 2-core CI machine compiles a lot.
        context.SetDefaultTimeout(60_000);
        if (axe)
        {
            // Evaluated through the DevTools protocol on every document: the pages' script-src 'self' does not block it.
            await context.AddInitScriptAsync(await AxeCore.ScriptAsync());
        }

        return await context.NewPageAsync();
    }

    /// <summary>
    /// Creates a user with <paramref name="role"/> and an authenticator, opens <paramref name="path"/> (a page that
    /// asks for sign-in), signs in with password and code as a person would, and returns the page once it is back on
    /// <paramref name="path"/>.
    /// </summary>
    public async Task<IPage> SignInNewUserAsync(string role, string path, bool axe = false)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@nqba.test";
        var (_, password) = await CreateUserAsync(email, role);
        var key = await EnableTotpAsync(email);
        var page = await NewPageAsync(axe: axe);
        await page.GotoAsync(path);
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/account/login-mfa**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.FillAsync("#code", await OneTimeCodes.NextAsync(key));
        await page.ClickAsync("button[type=submit]");

        // Waits for the redirect to commit and the document to be parsed, not for "load": that event also waits for
        // every subresource, and one CI run timed out on it after the page had arrived.
        var target = path.Split('?')[0];
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith(target, StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return page;
    }
}
