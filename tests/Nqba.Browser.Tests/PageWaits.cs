using Microsoft.Playwright;

namespace Nqba.Browser.Tests;

/// <summary>How the tests wait for the page a click or a redirect leads to.</summary>
public static class PageWaits
{
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>
    /// Waits until the address matches <paramref name="glob"/> and the document is parsed. Not Playwright's default
    /// "load": that event also waits for every subresource, and two CI runs timed out on it after the page had arrived.
    /// </summary>
    public static async Task WaitForPageAsync(this IPage page, string glob)
    {
        await page.WaitForURLAsync(glob, Committed);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
