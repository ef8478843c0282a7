"""Model tooling for the CLIP pipeline: architectures, tokenizer training, export, training and evaluation."""
