using Nqba.Server.Modules.Support.Tickets;

namespace Nqba.Server.Modules.Support.Import;

/// <summary>A valid imported message, as the desk takes it, with the path errors name it by (<c>messages[1]</c>).</summary>
internal sealed record PlannedMessage(string Path, NewMessage Message);
