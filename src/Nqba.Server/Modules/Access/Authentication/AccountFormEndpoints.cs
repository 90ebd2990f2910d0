using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Access.Pages;
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
        var group = app.MapGroup("/account").WithTags("Account").ExcludeFromDescription();

        group.MapPost("/login", async Task<RedirectHttpResult> ([FromForm] LoginForm form, SignInManager<NqbaUser> signIn, UserManager<NqbaUser> users, SignInService signIns, IAuditLedger audit, HttpContext http, CancellationToken ct) =>
        {
            var returnUrl = SafeReturnUrl(form.ReturnUrl);
            var result = await signIn.PasswordSignInAsync(form.Email ?? string.Empty, form.Password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
            var user = await users.FindByEmailAsync(form.Email ?? string.Empty);
            var actor = new AuditActor(user?.Id.ToString(), form.Email ?? "unknown", http.Connection.RemoteIpAddress?.ToString());
            if (result.RequiresTwoFactor)
            {
                return TypedResults.LocalRedirect($"/account/login-mfa?returnUrl={Uri.EscapeDataString(returnUrl)}");
            }

            if (result.IsLockedOut)
            {
                await audit.AppendAsync(new AuditRecord("access.signin.locked_out", "user", user?.Id.ToString(), After: new { channel = "web" }), actor, ct);
                return TypedResults.LocalRedirect("/account/login?error=locked");
            }

            if (!result.Succeeded)
            {
                await audit.AppendAsync(new AuditRecord("access.signin.failed", "user", user?.Id.ToString() ?? form.Email, After: new { channel = "web" }), actor, ct);
                return TypedResults.LocalRedirect($"/account/login?error=invalid&returnUrl={Uri.EscapeDataString(returnUrl)}");
            }

            await signIns.SucceededAsync(user!, new { channel = "web", mfa = false }, actor, ct);
            return TypedResults.LocalRedirect(returnUrl);
        }).RequireRateLimiting(RateLimiting.SignIn).WithName("SubmitLogin");

        group.MapPost("/login-mfa", async Task<RedirectHttpResult> ([FromForm] MfaForm form, SignInManager<NqbaUser> signIn, SignInService signIns, IAuditLedger audit, HttpContext http, CancellationToken ct) =>
        {
            var returnUrl = SafeReturnUrl(form.ReturnUrl);
            var user = await signIn.GetTwoFactorAuthenticationUserAsync();
            if (user is null)
            {
                return TypedResults.LocalRedirect("/account/login?error=expired");
            }

            var code = (form.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
            var result = form.UseRecoveryCode
                ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
                : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
            var actor = new AuditActor(user.Id.ToString(), user.Email ?? user.DisplayName, http.Connection.RemoteIpAddress?.ToString());
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
        }).RequireRateLimiting(RateLimiting.SignIn).WithName("SubmitLoginMfa");

        group.MapPost("/mfa", async Task<Results<RazorComponentResult<RecoveryCodesPage>, RedirectHttpResult>> ([FromForm] MfaForm form, ClaimsPrincipal principal, UserManager<NqbaUser> users, SignInManager<NqbaUser> signIn, IAuditLedger audit, CancellationToken ct) =>
        {
            var user = await users.GetUserAsync(principal);
            if (user is null)
            {
                return TypedResults.LocalRedirect("/account/login");
            }

            var code = (form.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                return TypedResults.LocalRedirect("/account/mfa?error=code");
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(NqbaClaims.AuthenticationMethod, "mfa")]);
            await audit.AppendAsync(new AuditRecord("access.mfa.enrolled", "user", user.Id.ToString(), After: new { recoveryCodes = codes.Count }), ct);
            return new RazorComponentResult<RecoveryCodesPage>(new { Codes = codes });
        }).RequireAuthorization(NqbaPolicies.MfaEnrolment).WithName("SubmitMfaEnrolment");

        group.MapPost("/logout", async Task<RedirectHttpResult> (SignInManager<NqbaUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).WithName("SubmitLogout");

        return app;
    }

    /// <summary>Only local paths: an open redirect to another site would make the login page a phishing tool.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

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
