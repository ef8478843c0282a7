using System.CommandLine;
using Clip.Cli.Common;

namespace Clip.Cli.Evaluation;

/// <summary>The options of <c>clip eval</c>: one data set option picks the evaluation, the rest tune it.</summary>
internal sealed class EvalOptions
{
    public EvalOptions()
    {
        Exif.AcceptOnlyFromAmong("apply", "ignore");
    }

    public Option<DirectoryInfo?> ZeroShot { get; } = new("--zero-shot")
    {
        Description = "Zero-shot classification of a folder with one sub-folder of images per class: top-1, " +
            "top-5 and mean per-class accuracy.",
        HelpName = "DIR",
    };

    public Option<FileInfo?> MultiLabel { get; } = new("--multilabel")
    {
        Description = "Zero-shot multi-label classification (mAP) of a .csv (image,labels with a|b), a .json " +
            "({\"classes\", \"images\": [{\"image\", \"labels\"}]}) or COCO instances JSON.",
        HelpName = "FILE",
    };

    public Option<FileInfo?> Retrieval { get; } = new("--retrieval")
    {
        Description = "Image-text retrieval recall@1/5/10 on a Karpathy split JSON (dataset_coco.json, " +
            "dataset_flickr30k.json).",
        HelpName = "FILE",
    };

    public Option<FileInfo?> Memes { get; } = new("--memes")
    {
        Description = "Hateful Memes JSON lines (id, img, label, text): ROC-AUC and accuracy of the policy " +
            "(zero-shot) and of a linear probe.",
        HelpName = "FILE.jsonl",
    };

    public Option<DirectoryInfo?> LinearProbe { get; } = new("--linear-probe")
    {
        Description = "Linear-probe accuracy (k-fold cross-validated) on a folder with one sub-folder per class.",
        HelpName = "DIR",
    };

    public Option<DirectoryInfo?> Model { get; } = CommonOptions.Model();

    public Option<string> Templates { get; } = new("--templates")
    {
        Description = "Prompt templates of the zero-shot ensembles: default (7 of CLIP's ImageNet templates), " +
            "imagenet80 (all 80), or a file with one template per line holding {}.",
        DefaultValueFactory = _ => "default",
        HelpName = "default|imagenet80|FILE",
    };

    public Option<bool> Bare { get; } = new("--bare")
    {
        Description = "Zero-shot: prompt with the class name alone instead of templates.",
    };

    public Option<bool> Compare { get; } = new("--compare")
    {
        Description = "Zero-shot: compare the class name alone, one template (--template) and the --templates " +
            "ensemble on the same image embeddings.",
    };

    public Option<string> Template { get; } = new("--template")
    {
        Description = "The single template --compare measures.",
        DefaultValueFactory = _ => PromptVariant.SingleTemplate,
        HelpName = "TEMPLATE",
    };

    public Option<FileInfo?> ClassNames { get; } = new("--class-names")
    {
        Description = "A JSON object mapping class folder or label names to the names put into prompts, such as " +
            "{\"n01440764\": \"tench\"}. Default: the name with _ read as a space.",
        HelpName = "FILE",
    };

    public Option<DirectoryInfo?> Images { get; } = new("--images")
    {
        Description = "The folder image paths of --multilabel and --retrieval files are relative to. Default: " +
            "the file's folder.",
        HelpName = "DIR",
    };

    public Option<string> Split { get; } = new("--split")
    {
        Description = "The Karpathy split --retrieval scores.",
        DefaultValueFactory = _ => "test",
        HelpName = "NAME",
    };

    public Option<FileInfo?> Policy { get; } = new("--policy")
    {
        Description = "The moderation policy (JSON) --memes scores zero-shot; its flag threshold is where " +
            "accuracy is measured.",
        HelpName = "FILE",
    };

    public Option<FileInfo?> Probe { get; } = new("--probe")
    {
        Description = "--memes or --linear-probe: measure this probe (clip probe train on another split) " +
            "instead of cross-validating probes on the data set itself.",
        HelpName = "FILE",
    };

    public Option<string> Exif { get; } = new("--exif")
    {
        Description = "Turn images upright by their EXIF orientation (apply) or keep the stored pixels as the " +
            "reference CLIP preprocessing does (ignore).",
        DefaultValueFactory = _ => "apply",
    };

    public Option<int> Folds { get; } = new("--folds")
    {
        Description = "Cross-validation folds of --linear-probe and of the --memes probe (0 skips the meme probe).",
        DefaultValueFactory = _ => 5,
        HelpName = "K",
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed of the fold and validation splits.",
        DefaultValueFactory = _ => 0,
        HelpName = "N",
    };

    public Option<FileInfo?> Json { get; } = new("--json")
    {
        Description = "Also write the report, with per-class and per-fold figures, as JSON to this file.",
        HelpName = "FILE",
    };
}
