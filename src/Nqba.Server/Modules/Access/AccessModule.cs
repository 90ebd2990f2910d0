using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access.ApiKeys;
using Nqba.Server.Modules.Access.Authentication;
using Nqba.Server.Modules.Access.Compliance;
using Nqba.Server.Modules.Access.Organizations;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Privacy;
using Nqba.Server.Modules.Access.Provisioning;
using Nqba.Server.Modules.Access.Sessions;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Residency;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Access;

/// <summary>Users, roles, MFA, API keys, client organizations and the authorization policies.</summary>
public static class AccessModule
{
    public static IHostApplicationBuilder AddAccessModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddModuleDbContext<AccessDbContext, SqliteAccessDbContext, PostgresAccessDbContext>();

        services.AddIdentityCore<NqbaUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<NqbaRole>()
            .AddEntityFrameworkStores<AccessDbContext>()
            .AddUserStore<NqbaUserStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<NqbaClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthenticationSchemes.Smart;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(AuthenticationSchemes.Smart, "Bearer token, API key or cookie", null)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.AccessDeniedPath = "/account/denied";
                o.SlidingExpiration = true;
                o.Cookie.Name = "nqba.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Events.OnRedirectToLogin = c => ApiOrRedirect(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => ApiOrRedirect(c, StatusCodes.Status403Forbidden);
            }));

        // Settings are applied from the bound options (not read at registration), so every source counts.
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccessOptions>>((o, access) =>
        {
            o.Lockout.MaxFailedAccessAttempts = access.Value.MaxFailedSignIns;
            o.Lockout.DefaultLockoutTimeSpan = access.Value.LockoutDuration;
        });
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IOptions<AccessOptions>>((o, access) =>
            o.BearerTokenExpiration = access.Value.BearerTokenLifetime);
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccessOptions>>((o, access) => o.ExpireTimeSpan = access.Value.CookieLifetime);

        services.AddScoped<IAuthorizationHandler, MfaSatisfiedHandler>();
        services.AddScoped<IAuthorizationHandler, ApiKeyScopeHandler>();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(SignedIn().Build())
            .AddPolicy(NqbaPolicies.SignedIn, SignedIn().Build())
            .AddPolicy(NqbaPolicies.Staff, SignedIn().RequireRole(NqbaRoles.Staff).Build())
            .AddPolicy(NqbaPolicies.Admin, SignedIn(ApiKeyScopes.Admin).RequireRole(NqbaRoles.Admin).Build())
            .AddPolicy(NqbaPolicies.Compliance, SignedIn().RequireRole(NqbaRoles.Admin, NqbaRoles.ComplianceOfficer).Build())
            .AddPolicy(NqbaPolicies.Trading, SignedIn().RequireRole(NqbaRoles.Trader).Build())
            .AddPolicy(NqbaPolicies.MfaEnrolment, p => p.RequireAuthenticatedUser().AddRequirements(new ApiKeyScopeRequirement()));

        services.AddSingleton<UserLookupHash>();
        services.AddScoped<IDataSeeder, UserFieldEncryption>();
        services.AddScoped<IDataSeeder, UserTokenEncryption>();
        services.AddScoped<IDataSeeder, AccessSeeder>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<SignInService>();
        services.AddScoped<MfaEnrolment>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddMemoryCache();
        services.AddSingleton<SessionValidator>();
        services.AddScoped<SessionRevocation>();
        services.AddTransient<IClaimsTransformation, SessionClaimsTransformation>();
        services.AddScoped<ClientDirectory>();
        services.AddScoped<IClientDirectory>(sp => sp.GetRequiredService<ClientDirectory>());
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddScoped<IClientProvisioning, ClientProvisioning>();
        services.AddSingleton<IResidencyResolver, ResidencyResolver>();
        services.AddScoped<PrivacyService>();
        services.AddPersonalData<AccessPersonalData>();
        services.AddPersonalData<ConsentHistoryRetention>();
        services.AddJob<RetentionJob, AccessOptions>(o => new JobPlan(
            JobSchedule.Every(o.RetentionInterval, startNow: true), JobMisfire.FireOnceNow, JobRetry.AtNextFire, Enabled: o.RetentionDays.Count > 0));
        services.AddScoped<ComplianceService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAuthEndpoints();
        app.MapAccountFormEndpoints();
        app.MapUserEndpoints();
        app.MapApiKeyEndpoints();
        app.MapOrganizationEndpoints();
        app.MapPrivacyEndpoints();
        app.MapPrivacyFormEndpoints();
        app.MapComplianceEndpoints();
        app.MapSetPasswordEndpoints();
        return app;
    }

    private static AuthorizationPolicyBuilder SignedIn(string? apiKeyScope = null) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new MfaSatisfiedRequirement(), new ApiKeyScopeRequirement(apiKeyScope));

    internal static string SelectScheme(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return IdentityConstants.BearerScheme;
        }

        return ApiKeyAuthenticationHandler.ReadKey(context.Request) is not null
            ? ApiKeyAuthenticationHandler.SchemeName
            : IdentityConstants.ApplicationScheme;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        // A staff member who signed in with a password only is sent to enrol a second factor, not to "denied".
        var requireMfa = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<AccessOptions>>().CurrentValue.RequireMfaForStaff;
        if (status == StatusCodes.Status403Forbidden && context.HttpContext.User.Identity?.IsAuthenticated == true &&
            !MfaState.IsSatisfied(context.HttpContext.User, requireMfa))
        {
            context.Response.Redirect("/account/mfa");
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
