using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Localization;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// The UI languages (en, de, ja) and how a visitor's choice persists: <c>/culture?c=de&amp;returnUrl=…</c> (the
/// language switcher) or any page's <c>?lang=de</c> stores it in the culture cookie, read on every later request.
/// </summary>
public static class UiCultures
{
    public static readonly string[] Codes = ["en", "de", "ja"];

    /// <summary>Each language in its own name, as the switcher shows it.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Names = [("en", "English"), ("de", "Deutsch"), ("ja", "日本語")];

    /// <summary>The request's UI language (en when unsupported).</summary>
    public static string Current => Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public static string Normalize(string? code) => code is "de" or "ja" ? code : "en";

    public static bool IsSupported(string? code) => code is "en" or "de" or "ja";

    /// <summary>The switcher's link: sets the cookie, then returns to <paramref name="relative"/> without its <c>lang</c> parameter.</summary>
    public static string SwitchUrl(string code, string relative) =>
        $"/culture?c={code}&returnUrl={Uri.EscapeDataString(WithoutLang("/" + relative.TrimStart('/')))}";

    /// <summary>A path and query with any <c>lang</c> parameter removed (so the cookie decides).</summary>
    public static string WithoutLang(string pathAndQuery)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return pathAndQuery;
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(pathAndQuery[q..]);
        var kept = new QueryBuilder(query.Where(p => !string.Equals(p.Key, "lang", StringComparison.OrdinalIgnoreCase)).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? string.Empty))));
        return pathAndQuery[..q] + kept.ToQueryString();
    }

    public static void Remember(HttpResponse response, string code) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps, Path = "/" });

    /// <summary>A weekday and date without the year, as people write it: "Friday, December 4", "Freitag, 4. Dezember", "12月4日 金曜日".</summary>
    public static string DayAndDate(DateTime date, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "ja"
            ? date.ToString(culture.DateTimeFormat.MonthDayPattern + " dddd", culture)
            : date.ToString("dddd, " + culture.DateTimeFormat.MonthDayPattern, culture);

    /// <summary>Month and year: "December 2026", "Dezember 2026", "2026年12月".</summary>
    public static string MonthAndYear(DateTime date, CultureInfo culture) => date.ToString(culture.DateTimeFormat.YearMonthPattern, culture);
}
