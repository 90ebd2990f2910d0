namespace Nqba.Server.Modules.Support.Import;

/// <summary>What an import did with one row.</summary>
public enum ImportOutcome
{
    /// <summary>A new ticket with its messages.</summary>
    Created,

    /// <summary>An imported ticket got new messages or moved to a later state.</summary>
    Updated,

    /// <summary>Imported before, nothing new: nothing written.</summary>
    Unchanged,
}
