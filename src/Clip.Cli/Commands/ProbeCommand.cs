using System.CommandLine;
using Clip.Cli.Evaluation;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip probe train|apply</c>: linear probes, multinomial logistic regression on CLIP embeddings trained from
/// labelled examples, for when zero-shot labels are not good enough.
/// </summary>
internal sealed class ProbeCommand : ICliCommand
{
    public Command Create() => new("probe", "Train a linear probe on labelled images or memes, or apply one.")
    {
        new ProbeTrainCommand().Create(),
        new ProbeApplyCommand().Create(),
    };
}
