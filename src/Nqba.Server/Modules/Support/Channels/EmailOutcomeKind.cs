namespace Nqba.Server.Modules.Support.Channels;

internal enum EmailOutcomeKind
{
    Opened,
    Added,
    Duplicate,
    Rejected,
}
