using System.CommandLine;

namespace Nqba.Server.Platform.Cli;

/// <summary>A module's command-line verb, registered in DI and added to the <c>nqba</c> command.</summary>
public interface ICliVerb
{
    Command Create(IServiceProvider services);
}
