using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Organizations;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Access.Users;

/// <summary>Seeds the roles, the first admin (random password, printed once) and the demo client organizations.</summary>
internal sealed class AccessSeeder(
    AccessDbContext db,
    RoleManager<NqbaRole> roles,
    UserManager<NqbaUser> users,
    IConfiguration configuration,
    IHostEnvironment environment,
    StartupReport report,
    TimeProvider time) : IDataSeeder
{
    public const string DefaultAdminEmail = "admin@nqba.local";

    public int Order => 20;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken)
    {
        foreach (var role in NqbaRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new NqbaRole { Name = role }));
            }
        }

        if (!await db.Users.AnyAsync(cancellationToken))
        {
            var email = configuration["Access:AdminEmail"] ?? DefaultAdminEmail;
            var password = configuration["Access:AdminPassword"] is { Length: > 0 } configured ? configured : GeneratePassword();
            var admin = new NqbaUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", CreatedAt = time.GetUtcNow().UtcDateTime };
            Check(await users.CreateAsync(admin, password));
            Check(await users.AddToRoleAsync(admin, NqbaRoles.Admin));
            if (configuration["Access:AdminPassword"] is not { Length: > 0 })
            {
                var file = WritePasswordFile(email, password);
                report.Add($"First start: sign in as {email} with password {password}");
                report.Add($"  (shown once; also written to {file}, readable by you only: delete it after changing the password; reset it with 'nqba admin reset-password')");
            }
        }

        if (includeDemoData && !await db.Organizations.AnyAsync(cancellationToken))
        {
            var now = time.GetUtcNow().UtcDateTime;
            db.Organizations.AddRange(
                new ClientOrganization { Id = DemoCompany.AcmeCorp, Name = "Acme Corporation", Domain = "acme.example", RegionCode = "us-east", Industry = "Manufacturing", CreatedAt = now },
                new ClientOrganization { Id = DemoCompany.NordWerk, Name = "NordWerk GmbH", Domain = "nordwerk.example", RegionCode = "europe", Industry = "Logistics", CreatedAt = now },
                new ClientOrganization { Id = DemoCompany.SakuraCapital, Name = "Sakura Capital K.K.", Domain = "sakura-capital.example", RegionCode = "apac", Industry = "Asset management", CreatedAt = now },
                new ClientOrganization { Id = DemoCompany.PacificRetail, Name = "Pacific Retail Inc.", Domain = "pacific-retail.example", RegionCode = "us-west", Industry = "Retail", CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The first admin's password in a file only the server's user can read, for when the console has scrolled.</summary>
    private string WritePasswordFile(string email, string password)
    {
        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["Access:InitialPasswordFile"] ?? "data/initial-admin-password.txt"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, new System.Text.UTF8Encoding(false), options))
        {
            writer.Write($"{email}\n{password}\n");
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    /// <summary>A random password meeting the policy: 20 characters from an unambiguous alphabet plus a digit.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 18) + RandomNumberGenerator.GetString("23456789", 1) + RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz", 1) + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ", 1);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding identity failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
