using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>
/// The client signed the accepted proposal's contract: the onboarding's contract step is done, through
/// <see cref="OnboardingDesk.CompleteAsync"/>, with the signature as evidence (its id, the proposal version and the
/// SHA-256 of the signed document; no name, since the evidence is audited and the ledger names no one). A step done
/// already (by hand, or by an earlier delivery) stays as it is. The onboarding starts from the won deal's event,
/// which the acceptance raised just before: when it is not there yet, the delivery fails and is retried with back-off.
/// </summary>
internal sealed class CompleteContractOnSigned(OnboardingDesk desk) : IEventSubscriber<ContractSigned>
{
    public async Task HandleAsync(ContractSigned domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        if (domainEvent.OrganizationId is not { } organizationId)
        {
            return;
        }

        var evidence = $"Signed electronically at {domainEvent.SignedAt:yyyy-MM-dd HH:mm:ss} UTC: proposal {domainEvent.ProposalId}, version {domainEvent.Version}, "
            + $"document SHA-256 {domainEvent.DocumentSha256}, signature {domainEvent.SignatureId} (verify: GET /api/pipeline/proposals/{domainEvent.ProposalId}/signature).";
        var done = await desk.CompleteAsync(organizationId, OnboardingSteps.Id(OnboardingStepKind.Contract), evidence, $"event:{info.Type}", cancellationToken);
        if (!done.Succeeded && done.Error.Status == StatusCodes.Status404NotFound)
        {
            throw new InvalidOperationException($"Organization {organizationId} has no onboarding yet (its won deal's event may still be on its way); the contract step is completed on a later attempt.");
        }
    }
}
