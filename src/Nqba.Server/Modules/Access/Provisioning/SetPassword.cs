using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Access.Provisioning;

/// <summary>
/// The invitation's set-password form (anti-forgery checked): Identity's password-reset token, time-limited and spent
/// by its use (setting the password changes the security stamp the token is bound to).
/// </summary>
internal static class SetPassword
{
    public const string Path = "/account/set-password";

    /// <summary>The page an invitation links to (relative: the mail makes it absolute).</summary>
    public static string Link(Guid userId, string token) => $"{Path}?user={userId}&token={Uri.EscapeDataString(token)}";

    public static IEndpointRouteBuilder MapSetPasswordEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, SubmitSetPassword).WithTags("Account").ExcludeFromDescription().WithFormBinding()
            .RequireRateLimiting(RateLimiting.SignIn).WithName("SubmitSetPassword");
        return app;
    }

    private static async Task<RedirectHttpResult> SubmitSetPassword([FromForm] SetPasswordForm form, UserManager<NqbaUser> users, IAuditLedger audit, CancellationToken ct)
    {
        // The token and user travel with every answer, so a corrected form can be sent again.
        string Again(string error) => $"{Path}?user={Uri.EscapeDataString(form.User ?? string.Empty)}&token={Uri.EscapeDataString(form.Token ?? string.Empty)}&error={error}";
        var user = Guid.TryParse(form.User, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || string.IsNullOrEmpty(form.Token) || user.ClientOrganizationId is null)
        {
            return TypedResults.LocalRedirect($"{Path}?error=expired");
        }

        if (string.IsNullOrEmpty(form.Password) || form.Password.Length > 200)
        {
            return TypedResults.LocalRedirect(Again("password"));
        }

        if (!string.Equals(form.Password, form.Confirm, StringComparison.Ordinal))
        {
            return TypedResults.LocalRedirect(Again("confirm"));
        }

        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, user, form.Password)).Succeeded)
            {
                return TypedResults.LocalRedirect(Again("password"));
            }
        }

        var result = await users.ResetPasswordAsync(user, form.Token, form.Password);
        if (!result.Succeeded)
        {
            return TypedResults.LocalRedirect($"{Path}?error=expired");
        }

        await audit.AppendAsync(new AuditRecord("access.user.password_set", "user", user.Id.ToString(), After: new { via = "invitation" }, OrganizationId: user.ClientOrganizationId), ct);
        return TypedResults.LocalRedirect("/account/login?set=1");
    }

    internal sealed class SetPasswordForm
    {
        public string? User { get; set; }

        public string? Token { get; set; }

        public string? Password { get; set; }

        public string? Confirm { get; set; }
    }
}
