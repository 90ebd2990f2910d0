namespace Nqba.Server.Modules.Access;

/// <summary>Access's contract for reports addressed to staff: who holds a role.</summary>
public interface IStaffDirectory
{
    /// <summary>The e-mail addresses of the active staff users holding any of <paramref name="roles"/> (each once).</summary>
    Task<IReadOnlyList<string>> EmailsInRolesAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken);
}
