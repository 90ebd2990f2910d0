using Microsoft.AspNetCore.Identity;

namespace Nqba.Server.Modules.Access.Users;

internal sealed class NqbaRole : IdentityRole<Guid>;
