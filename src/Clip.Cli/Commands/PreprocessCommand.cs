using System.CommandLine;
using Clip.Cli.Common;
using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Numerics;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip preprocess IMAGE --out FILE.npy [--exif apply|ignore] [--alpha composite|reference]</c>: decodes one
/// image and writes CLIP's input tensor for it (float32, [3, 224, 224], normalised) as a NumPy file.
/// </summary>
internal sealed class PreprocessCommand : ICliCommand
{
    private const string ExifApply = "apply";
    private const string ExifIgnore = "ignore";
    private const string AlphaComposite = "composite";
    private const string AlphaReference = "reference";

    private readonly Argument<FileInfo> _image = new("IMAGE") { Description = "The image file." };

    private readonly Option<FileInfo> _output = new("--out", "-o")
    {
        Description = "Where to write the tensor (.npy, float32, shape [3, height, width]).",
        HelpName = "FILE.npy",
        Required = true,
    };

    private readonly Option<string> _exif = new("--exif")
    {
        Description = "Turn the image upright as its EXIF orientation says (apply) or keep the stored pixels (ignore).",
        DefaultValueFactory = _ => ExifApply,
    };

    private readonly Option<string> _alpha = new("--alpha")
    {
        Description = "Transparent images: composite onto white (composite), or resize with premultiplied alpha " +
            "and drop it as OpenAI's reference preprocessing does (reference).",
        DefaultValueFactory = _ => AlphaComposite,
    };

    public Command Create()
    {
        _exif.AcceptOnlyFromAmong(ExifApply, ExifIgnore);
        _alpha.AcceptOnlyFromAmong(AlphaComposite, AlphaReference);
        var command = new Command("preprocess", "Write CLIP's input tensor for one image as a .npy file.")
        {
            _image,
            _output,
            _exif,
            _alpha,
        };
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(parseResult, token => RunAsync(parseResult, token), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        FileInfo image = parseResult.GetRequiredValue(_image);
        FileInfo output = parseResult.GetRequiredValue(_output);
        var options = new ImageDecodingOptions { ApplyExifOrientation = parseResult.GetValue(_exif) == ExifApply };
        ImagePreprocessingSpec spec = ImagePreprocessingSpec.ClipDefault;

        ImageLoader loader = ImageLoading.Create(options, parseResult.GetValue(CommonOptions.Verbose));
        using DecodedImage decoded = await loader.LoadFileAsync(image.FullName, cancellationToken);
        float[] tensor = new float[spec.TensorLength];
        var preprocessorOptions = new ClipPreprocessorOptions
        {
            AlphaHandling = parseResult.GetValue(_alpha) == AlphaReference
                ? AlphaHandling.Reference
                : AlphaHandling.CompositeOnBackground,
        };
        new ClipImagePreprocessor(spec, preprocessorOptions).Preprocess(decoded, tensor);
        NpyFile.WriteSingle(output.FullName, tensor, [3, spec.CropHeight, spec.CropWidth]);
        return ExitCodes.Success;
    }
}
