using System.CommandLine;

namespace Nqba.Server.Platform.Cli;

/// <summary>A command-line verb of the <c>nqba</c> executable, declared by a module (<c>INqbaModule.Verbs</c>).</summary>
public interface ICliVerb
{
    /// <summary>The verb as typed (<c>nqba solve</c>); known before the host is built, so the host starts as a verb.</summary>
    string Name { get; }

    /// <summary>The verb's command, its actions resolving what they need from the built host's services.</summary>
    Command Create(IServiceProvider services);
}
