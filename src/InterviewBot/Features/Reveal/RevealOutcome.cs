namespace InterviewBot.Features.Reveal;

public enum RevealOutcome
{
    Revealed,
    AlreadyRevealed,
    UnknownPrompt,
}
