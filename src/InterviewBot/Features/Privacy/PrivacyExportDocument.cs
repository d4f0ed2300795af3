using InterviewBot.Storage;

namespace InterviewBot.Features.Privacy;

/// <summary>The JSON file <c>/privacy export</c> sends: everything stored about the member in one server, and their stats.</summary>
public sealed record PrivacyExportDocument
{
    public required DateTimeOffset ExportedAt { get; init; }

    public required MemberDataExport Data { get; init; }

    public required MemberStats Stats { get; init; }
}
