using Microsoft.AspNetCore.Localization;
using Nqba.Server.Components;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// The Blazor web UI shell: server-rendered pages, localization (en, de, ja) with a remembered choice, anti-forgery,
/// HTML error pages for browsers, and HEAD answered wherever GET is.
/// </summary>
public static class WebUi
{
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        // `dotnet run` starts in Production, where ASP.NET only enables the build's static web assets manifest in
        // Development: without it every CSS/JS file is a 0-byte 200. The manifest exists next to a build's output
        // only, so a published install (files in wwwroot) is unaffected.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddLocalization();
        // Secure whenever the page came over HTTPS (plain HTTP is only for development and the test host).
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // First in line, so a browser asking for HTML gets a page and an API client still gets problem+json.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, HtmlProblemDetailsWriter>());
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("en").AddSupportedCultures(UiCultures.Codes).AddSupportedUICultures(UiCultures.Codes);
            o.ApplyCurrentCultureToResponseHeaders = true;
            // ?lang= first (links in e-mails), then the cookie the switcher sets, then the browser's Accept-Language.
            o.RequestCultureProviders.Insert(0, new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" });
        });
        return builder;
    }

    public static WebApplication UseWebUi(this WebApplication app)
    {
        app.Use(AnswerHeadAsGet);
        app.UseRouting();
        app.UseRequestLocalization();
        app.Use(RememberLanguage);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static IEndpointRouteBuilder MapWebUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapGet("/culture", (string? c, string? returnUrl, HttpContext context) =>
            {
                UiCultures.Remember(context.Response, UiCultures.Normalize(c));
                var target = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                    ? UiCultures.WithoutLang(returnUrl)
                    : "/";
                return TypedResults.LocalRedirect(target);
            })
            .AllowAnonymous().ExcludeFromDescription().WithName("SetCulture");
        app.MapRazorComponents<App>();
        return app;
    }

    // Uptime checkers and link previews use HEAD: the GET handler answers, the body is thrown away.
    private static async Task AnswerHeadAsGet(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    }

    // A page opened with ?lang= keeps that language on the next pages (the culture cookie), as the switcher does.
    private static Task RememberLanguage(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/api") && context.Request.Query["lang"].ToString() is { Length: > 0 } lang && UiCultures.IsSupported(lang)
            && context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] != CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(lang)))
        {
            UiCultures.Remember(context.Response, lang);
        }

        return next(context);
    }
}
