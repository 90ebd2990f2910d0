using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Access.Pages;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Sessions;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Access.Authentication;

/// <summary>
/// The web UI's sign-in forms post here (anti-forgery checked); each answers with a redirect, so the pages
/// stay plain server-rendered HTML that works without JavaScript and at phone width.
/// </summary>
internal static class AccountFormEndpoints
{
    public static IEndpointRouteBuilder MapAccountFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").WithTags("Account").ExcludeFromDescription().WithFormBinding();

        group.MapPost("/login", SubmitLogin).RequireRateLimiting(RateLimiting.SignIn).WithName("SubmitLogin");

        group.MapPost("/login-mfa", SubmitLoginMfa).RequireRateLimiting(RateLimiting.SignIn).WithName("SubmitLoginMfa");

        group.MapPost("/mfa", SubmitMfaEnrolment).RequireAuthorization(NqbaPolicies.MfaEnrolment).WithName("SubmitMfaEnrolment");

        // Anti-forgery checked although it takes no fields: a forged post would sign a person out (a nuisance, and
        // the first step of a login CSRF).
        group.MapPost("/logout", SubmitLogout).WithMetadata(new RequireAntiforgeryTokenAttribute()).WithName("SubmitLogout");

        return app;
    }

    private static async Task<RedirectHttpResult> SubmitLogin([FromForm] LoginForm form, SignInManager<NqbaUser> signIn, SignInService signIns, UserLookupHash lookup, IAuditLedger audit, HttpContext http, CancellationToken ct)
    {
        var returnUrl = SafeReturnUrl(form.ReturnUrl);
        // The same answer, after the same work, for an unknown address, a wrong password and a locked account.
        var (user, lockedOut) = await signIns.FindForPasswordSignInAsync(form.Email ?? string.Empty, form.Password ?? string.Empty);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : lockedOut ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut
            : await signIn.PasswordSignInAsync(user, form.Password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
        // The ledger names the account by id; a typed address that matches no account only by its keyed hash.
        var actor = new AuditActor(user?.Id.ToString(), "web sign-in", http.Connection.RemoteIpAddress?.ToString());
        if (result.RequiresTwoFactor)
        {
            return TypedResults.LocalRedirect($"/account/login-mfa?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        if (result.IsLockedOut)
        {
            await audit.AppendAsync(new AuditRecord("access.signin.locked_out", "user", user?.Id.ToString(), After: new { channel = "web" }), actor, ct);
            return TypedResults.LocalRedirect($"/account/login?error=invalid&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        if (!result.Succeeded)
        {
            await audit.AppendAsync(new AuditRecord("access.signin.failed", "user", user?.Id.ToString() ?? await lookup.HashAsync(signIn.UserManager.NormalizeEmail(form.Email ?? string.Empty), ct), After: new { channel = "web" }), actor, ct);
            return TypedResults.LocalRedirect($"/account/login?error=invalid&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        await signIns.SucceededAsync(user!, new { channel = "web", mfa = false }, actor, ct);
        return TypedResults.LocalRedirect(returnUrl);
    }

    private static async Task<RedirectHttpResult> SubmitLoginMfa([FromForm] MfaForm form, SignInManager<NqbaUser> signIn, SignInService signIns, IAuditLedger audit, HttpContext http, CancellationToken ct)
    {
        var returnUrl = SafeReturnUrl(form.ReturnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return TypedResults.LocalRedirect("/account/login?error=expired");
        }

        var result = form.UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(form.Code))
            : await signIn.TwoFactorAuthenticatorSignInAsync((form.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        var actor = new AuditActor(user.Id.ToString(), "web sign-in", http.Connection.RemoteIpAddress?.ToString());
        if (result.IsLockedOut)
        {
            await audit.AppendAsync(new AuditRecord("access.signin.locked_out", "user", user.Id.ToString(), After: new { channel = "web" }), actor, ct);
            return TypedResults.LocalRedirect("/account/login?error=locked");
        }

        if (!result.Succeeded)
        {
            await audit.AppendAsync(new AuditRecord("access.signin.failed", "user", user.Id.ToString(), After: new { channel = "web", reason = "wrong code" }), actor, ct);
            return TypedResults.LocalRedirect($"/account/login-mfa?error=code&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        await signIns.SucceededAsync(user, new { channel = "web", mfa = true, recovery = form.UseRecoveryCode }, actor, ct);
        return TypedResults.LocalRedirect(returnUrl);
    }

    private static async Task<Results<RazorComponentResult<RecoveryCodesPage>, RedirectHttpResult>> SubmitMfaEnrolment([FromForm] MfaForm form, ClaimsPrincipal principal, UserManager<NqbaUser> users, SignInManager<NqbaUser> signIn, MfaEnrolment enrolment, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.LocalRedirect("/account/login");
        }

        if (await enrolment.EnrolAsync(user, form.Code, ct) is not { } codes)
        {
            return TypedResults.LocalRedirect("/account/mfa?error=code");
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(NqbaClaims.AuthenticationMethod, "mfa")]);
        return new RazorComponentResult<RecoveryCodesPage>(new { Codes = codes });
    }

    private static async Task<RedirectHttpResult> SubmitLogout(ClaimsPrincipal principal, SignInManager<NqbaUser> signIn, SessionRevocation revocation, CancellationToken ct)
    {
        // A new security stamp, not only a deleted cookie: a copy of the cookie (or a bearer token) no longer works.
        // API keys stay: they are revoked on their own, or by "sign out everywhere".
        if (await signIn.UserManager.GetUserAsync(principal) is { } user)
        {
            await revocation.RevokeAllAsync(user, "signed out", apiKeys: false, ct);
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }

    /// <summary>
    /// A recovery code as Identity stores it (<c>XXXXX-XXXXX</c>, upper case), however it was typed: with or without
    /// the dash, spaces or lower case.
    /// </summary>
    internal static string RecoveryCode(string? typed)
    {
        var compact = new string([.. (typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-')]).ToUpperInvariant();
        return compact.Length == 10 ? $"{compact[..5]}-{compact[5..]}" : compact;
    }

    /// <summary>
    /// Only local paths: an open redirect to another site would make the login page a phishing tool. The same rules
    /// as <c>LocalRedirect</c> (no control characters: "/\t/evil.example" is read by browsers as "//evil.example"),
    /// so a sign-in never ends in the exception LocalRedirect throws for anything else. Without one, the
    /// dashboard (the home page is the public site).
    /// </summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            && !returnUrl.Any(char.IsControl) && returnUrl.Length <= 2000
            ? returnUrl
            : "/dashboard";

    internal sealed class LoginForm
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public string? ReturnUrl { get; set; }
    }

    internal sealed class MfaForm
    {
        public string? Code { get; set; }

        public bool UseRecoveryCode { get; set; }

        public string? ReturnUrl { get; set; }
    }
}
