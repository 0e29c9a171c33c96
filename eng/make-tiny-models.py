#!/usr/bin/python3
"""Writes tiny random-weight ONNX models shaped like Stable Diffusion's, for the ONNX backend's tests.

Run with Debian's interpreter and its python3-onnx package (apt-get install python3-onnx):
    /usr/bin/python3 eng/make-tiny-models.py tests/models
The output is committed (a few hundred KB), so the test suite never needs Python. Folders, in the standard
diffusers ONNX export layout (text_encoder/ unet/ vae_decoder/ vae_encoder/ tokenizer/, each with model.onnx):
  tiny-sd          fp32; input_ids INT32; timestep FLOAT [batch]; 4-channel UNet
  tiny-sd-fp16     input_ids INT64; UNet and VAE with FLOAT16 inputs and outputs; timestep INT64 [1]
  tiny-sd-inpaint  like tiny-sd, with a 9-channel inpainting UNet (latents, mask, masked-image latents)
  tiny-sdxl        SDXL-shaped (the Optimum layout): text_encoder (16 wide) and text_encoder_2 (24 wide, with the
                   pooled text_embeds), each exporting hidden_states.0..2 beside last_hidden_state; tokenizer_2 pads
                   with "!"; a UNet taking encoder_hidden_states 40 wide, text_embeds [batch, 24], time_ids [batch, 6];
                   VAE scaling_factor 0.13025
  tiny-sd2-v       SD 2.x-shaped, predicting v (scheduler_config.json prediction_type v_prediction)
  tiny-lcm         an LCM UNet taking timestep_cond [batch, 16] (scheduler_config.json names LCMScheduler)
Every model's output depends on every input, so wiring mistakes (a swapped guidance half, an ignored timestep,
an unused mask) change the numbers the tests check. The tokenizer is a small synthetic CLIP-style BPE vocabulary.
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HIDDEN = 32          # text embedding width (SD 1.x: 768); the pipeline reads it from the model
VOCAB = 1024         # ids are taken modulo this inside the text encoder
OPSET = 17


def save(model, path):
    model.ir_version = 8
    onnx.checker.check_model(model)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    onnx.save(model, path)


def make_model(nodes, name, inputs, outputs, initializers):
    graph = helper.make_graph(nodes, name, inputs, outputs, initializers)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="mjbot-tiny-models")


def text_encoder(rng, ids_type):
    nodes = [
        helper.make_node("Cast", ["input_ids"], ["ids64"], to=TensorProto.INT64),
        helper.make_node("Mod", ["ids64", "vocab"], ["ids_mod"]),
        helper.make_node("Gather", ["tok_emb", "ids_mod"], ["emb"], axis=0),
        helper.make_node("Add", ["emb", "pos_emb"], ["emb_pos"]),
        helper.make_node("MatMul", ["emb_pos", "proj"], ["hidden"]),
        helper.make_node("Tanh", ["hidden"], ["last_hidden_state"]),
    ]
    inits = [
        numpy_helper.from_array(np.array([VOCAB], dtype=np.int64), "vocab"),
        numpy_helper.from_array(rng.normal(0, 1, (VOCAB, HIDDEN)).astype(np.float32), "tok_emb"),
        numpy_helper.from_array(rng.normal(0, 0.1, (77, HIDDEN)).astype(np.float32), "pos_emb"),
        numpy_helper.from_array(rng.normal(0, 1 / np.sqrt(HIDDEN), (HIDDEN, HIDDEN)).astype(np.float32), "proj"),
    ]
    return make_model(nodes, "text_encoder",
                      [helper.make_tensor_value_info("input_ids", ids_type, ["batch", "sequence"])],
                      [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", HIDDEN])],
                      inits)


def unet(rng, in_channels, half, timestep_type, timestep_dims):
    io = TensorProto.FLOAT16 if half else TensorProto.FLOAT
    nodes = []
    sample, hidden, out = "sample", "encoder_hidden_states", "out_sample"
    if half:
        nodes += [helper.make_node("Cast", ["sample"], ["sample32"], to=TensorProto.FLOAT),
                  helper.make_node("Cast", ["encoder_hidden_states"], ["hidden32"], to=TensorProto.FLOAT)]
        sample, hidden, out = "sample32", "hidden32", "out32"
    nodes += [
        helper.make_node("Conv", [sample, "conv_w", "conv_b"], ["conv"], pads=[1, 1, 1, 1]),
        helper.make_node("ReduceMean", [hidden], ["text_mean"], axes=[1], keepdims=0),
        helper.make_node("MatMul", ["text_mean", "text_proj"], ["text4"]),
        helper.make_node("Cast", ["timestep"], ["t32"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["t32", "t_scale"], ["t_scaled"]),
        helper.make_node("Unsqueeze", ["t_scaled", "axis1"], ["t_col"]),
        helper.make_node("Add", ["text4", "t_col"], ["cond"]),
        helper.make_node("Reshape", ["cond", "cond_shape"], ["cond4"]),
        helper.make_node("Add", ["conv", "cond4"], [out]),
    ]
    if half:
        nodes.append(helper.make_node("Cast", ["out32"], ["out_sample"], to=TensorProto.FLOAT16))
    inits = [
        numpy_helper.from_array((rng.normal(0, 0.05, (4, in_channels, 3, 3))).astype(np.float32), "conv_w"),
        numpy_helper.from_array(rng.normal(0, 0.01, (4,)).astype(np.float32), "conv_b"),
        numpy_helper.from_array(rng.normal(0, 0.5, (HIDDEN, 4)).astype(np.float32), "text_proj"),
        numpy_helper.from_array(np.array([1e-3], dtype=np.float32), "t_scale"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1"),
        numpy_helper.from_array(np.array([-1, 4, 1, 1], dtype=np.int64), "cond_shape"),
    ]
    inputs = [
        helper.make_tensor_value_info("sample", io, ["batch", in_channels, "height", "width"]),
        helper.make_tensor_value_info("timestep", timestep_type, timestep_dims),
        helper.make_tensor_value_info("encoder_hidden_states", io, ["batch", "sequence", HIDDEN]),
    ]
    return make_model(nodes, "unet", inputs, [helper.make_tensor_value_info("out_sample", io, ["batch", 4, "height", "width"])], inits)


def vae_decoder(rng, half, weight=0.8):
    io = TensorProto.FLOAT16 if half else TensorProto.FLOAT
    src, out = "latent_sample", "sample"
    nodes = []
    if half:
        nodes.append(helper.make_node("Cast", ["latent_sample"], ["latent32"], to=TensorProto.FLOAT))
        src, out = "latent32", "sample32"
    nodes += [
        helper.make_node("Conv", [src, "w", "b"], ["rgb"]),
        helper.make_node("Resize", ["rgb", "", "scales"], ["big"], mode="nearest"),
        helper.make_node("Tanh", ["big"], [out]),
    ]
    if half:
        nodes.append(helper.make_node("Cast", ["sample32"], ["sample"], to=TensorProto.FLOAT16))
    inits = [
        numpy_helper.from_array(rng.normal(0, weight, (3, 4, 1, 1)).astype(np.float32), "w"),
        numpy_helper.from_array(np.zeros(3, dtype=np.float32), "b"),
        numpy_helper.from_array(np.array([1, 1, 8, 8], dtype=np.float32), "scales"),
    ]
    return make_model(nodes, "vae_decoder",
                      [helper.make_tensor_value_info("latent_sample", io, ["batch", 4, "latent_height", "latent_width"])],
                      [helper.make_tensor_value_info("sample", io, ["batch", 3, "height", "width"])], inits)


def vae_encoder(rng, half):
    io = TensorProto.FLOAT16 if half else TensorProto.FLOAT
    src, out = "sample", "latent_sample"
    nodes = []
    if half:
        nodes.append(helper.make_node("Cast", ["sample"], ["sample32"], to=TensorProto.FLOAT))
        src, out = "sample32", "latent32"
    nodes += [
        helper.make_node("AveragePool", [src], ["pooled"], kernel_shape=[8, 8], strides=[8, 8]),
        helper.make_node("Conv", ["pooled", "w", "b"], [out]),
    ]
    if half:
        nodes.append(helper.make_node("Cast", ["latent32"], ["latent_sample"], to=TensorProto.FLOAT16))
    inits = [
        numpy_helper.from_array(rng.normal(0, 0.8, (4, 3, 1, 1)).astype(np.float32), "w"),
        numpy_helper.from_array(np.zeros(4, dtype=np.float32), "b"),
    ]
    return make_model(nodes, "vae_encoder",
                      [helper.make_tensor_value_info("sample", io, ["batch", 3, "height", "width"])],
                      [helper.make_tensor_value_info("latent_sample", io, ["batch", 4, "latent_height", "latent_width"])], inits)


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return [chr(c) for c in cs]


def tokenizer(folder, pad="<|endoftext|>"):
    """A CLIP-shaped vocabulary: the 256 byte symbols, the same with </w>, merges for a few words, then the specials."""
    symbols = bytes_to_unicode()
    vocab = symbols + [s + "</w>" for s in symbols]
    merges = []
    for word in ["cat", "photo", "fox", "snow", "red", "the", "of", "a"]:
        parts = list(word[:-1]) + [word[-1] + "</w>"]
        while len(parts) > 1:
            merged = parts[0] + parts[1]
            merges.append(f"{parts[0]} {parts[1]}")
            if merged not in vocab:
                vocab.append(merged)
            parts = [merged] + parts[2:]
    vocab += ["<|startoftext|>", "<|endoftext|>"]
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump({tok: i for i, tok in enumerate(vocab)}, f, ensure_ascii=False)
    with open(os.path.join(folder, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n" + "\n".join(merges) + "\n")
    special = {"bos_token": "<|startoftext|>", "eos_token": "<|endoftext|>", "unk_token": "<|endoftext|>", "pad_token": pad}
    with open(os.path.join(folder, "special_tokens_map.json"), "w", encoding="utf-8") as f:
        json.dump(special, f)


def folder(root, name, seed, ids_type, half, timestep_type, timestep_dims, unet_channels):
    rng = np.random.default_rng(seed)
    base = os.path.join(root, name)
    save(text_encoder(rng, ids_type), os.path.join(base, "text_encoder", "model.onnx"))
    save(unet(rng, unet_channels, half, timestep_type, timestep_dims), os.path.join(base, "unet", "model.onnx"))
    save(vae_decoder(rng, half), os.path.join(base, "vae_decoder", "model.onnx"))
    save(vae_encoder(rng, half), os.path.join(base, "vae_encoder", "model.onnx"))
    tokenizer(os.path.join(base, "tokenizer"))
    with open(os.path.join(base, "vae_decoder", "config.json"), "w") as f:
        json.dump({"_class_name": "AutoencoderKL", "scaling_factor": 0.18215}, f)
    # MjBot's own model settings: tiny images and few steps keep the tests fast.
    with open(os.path.join(base, "mjbot.json"), "w") as f:
        json.dump({"family": "sd1", "native_size": 64, "steps": 6, "guidance": 7.5, "sampler": "euler_a"}, f)


def text_encoder_layers(rng, width, with_pooled):
    """A CLIP-shaped encoder exporting hidden_states.0..2 (each layer a different tanh projection of the last),
    last_hidden_state, and (second encoder) text_embeds, a projection of the sequence mean."""
    nodes = [
        helper.make_node("Cast", ["input_ids"], ["ids64"], to=TensorProto.INT64),
        helper.make_node("Mod", ["ids64", "vocab"], ["ids_mod"]),
        helper.make_node("Gather", ["tok_emb", "ids_mod"], ["emb"], axis=0),
        helper.make_node("Add", ["emb", "pos_emb"], ["hidden_states.0"]),
    ]
    inits = [
        numpy_helper.from_array(np.array([VOCAB], dtype=np.int64), "vocab"),
        numpy_helper.from_array(rng.normal(0, 1, (VOCAB, width)).astype(np.float32), "tok_emb"),
        numpy_helper.from_array(rng.normal(0, 0.1, (77, width)).astype(np.float32), "pos_emb"),
    ]
    for layer in (1, 2):
        nodes += [helper.make_node("MatMul", [f"hidden_states.{layer - 1}", f"proj{layer}"], [f"pre{layer}"]),
                  helper.make_node("Tanh", [f"pre{layer}"], [f"hidden_states.{layer}"])]
        inits.append(numpy_helper.from_array(rng.normal(0, 1 / np.sqrt(width), (width, width)).astype(np.float32), f"proj{layer}"))
    nodes.append(helper.make_node("Mul", ["hidden_states.2", "half"], ["last_hidden_state"]))
    inits.append(numpy_helper.from_array(np.array([0.5], dtype=np.float32), "half"))
    outputs = [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", width])]
    if with_pooled:
        nodes += [helper.make_node("ReduceMean", ["hidden_states.2"], ["pooled"], axes=[1], keepdims=0),
                  helper.make_node("MatMul", ["pooled", "text_projection"], ["text_embeds"])]
        inits.append(numpy_helper.from_array(rng.normal(0, 1 / np.sqrt(width), (width, width)).astype(np.float32), "text_projection"))
        outputs.insert(0, helper.make_tensor_value_info("text_embeds", TensorProto.FLOAT, ["batch", width]))
    outputs += [helper.make_tensor_value_info(f"hidden_states.{i}", TensorProto.FLOAT, ["batch", "sequence", width]) for i in range(3)]
    return make_model(nodes, "text_encoder",
                      [helper.make_tensor_value_info("input_ids", TensorProto.INT32, ["batch", "sequence"])],
                      outputs, inits)


def unet_conditioned(rng, hidden, extras, text_scale=0.5):
    """A 4-channel fp32 UNet like unet(), whose output also depends on each extra input [batch, dim] (SDXL's
    text_embeds and time_ids, LCM's timestep_cond) through its own projection to the 4 channels."""
    nodes = [
        helper.make_node("Conv", ["sample", "conv_w", "conv_b"], ["conv"], pads=[1, 1, 1, 1]),
        helper.make_node("ReduceMean", ["encoder_hidden_states"], ["text_mean"], axes=[1], keepdims=0),
        helper.make_node("MatMul", ["text_mean", "text_proj"], ["cond_text"]),
        helper.make_node("Mul", ["timestep", "t_scale"], ["t_scaled"]),
        helper.make_node("Unsqueeze", ["t_scaled", "axis1"], ["t_col"]),
        helper.make_node("Add", ["cond_text", "t_col"], ["cond_0"]),
    ]
    inits = [
        numpy_helper.from_array((rng.normal(0, 0.05, (4, 4, 3, 3))).astype(np.float32), "conv_w"),
        numpy_helper.from_array(rng.normal(0, 0.01, (4,)).astype(np.float32), "conv_b"),
        numpy_helper.from_array(rng.normal(0, text_scale, (hidden, 4)).astype(np.float32), "text_proj"),
        numpy_helper.from_array(np.array([1e-3], dtype=np.float32), "t_scale"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1"),
        numpy_helper.from_array(np.array([-1, 4, 1, 1], dtype=np.int64), "cond_shape"),
    ]
    inputs = [
        helper.make_tensor_value_info("sample", TensorProto.FLOAT, ["batch", 4, "height", "width"]),
        helper.make_tensor_value_info("timestep", TensorProto.FLOAT, ["batch"]),
        helper.make_tensor_value_info("encoder_hidden_states", TensorProto.FLOAT, ["batch", "sequence", hidden]),
    ]
    last = "cond_0"
    for i, (name, dim, scale) in enumerate(extras, start=1):
        nodes += [helper.make_node("MatMul", [name, f"{name}_proj"], [f"{name}_4"]),
                  helper.make_node("Add", [last, f"{name}_4"], [f"cond_{i}"])]
        inits.append(numpy_helper.from_array(rng.normal(0, scale, (dim, 4)).astype(np.float32), f"{name}_proj"))
        inputs.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, ["batch", dim]))
        last = f"cond_{i}"
    nodes += [helper.make_node("Reshape", [last, "cond_shape"], ["cond4"]),
              helper.make_node("Add", ["conv", "cond4"], ["out_sample"])]
    return make_model(nodes, "unet", inputs, [helper.make_tensor_value_info("out_sample", TensorProto.FLOAT, ["batch", 4, "height", "width"])], inits)


def write_json(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(value, f)


def sdxl_folder(root, name, seed):
    rng = np.random.default_rng(seed)
    base = os.path.join(root, name)
    save(text_encoder_layers(rng, 16, False), os.path.join(base, "text_encoder", "model.onnx"))
    save(text_encoder_layers(rng, 24, True), os.path.join(base, "text_encoder_2", "model.onnx"))
    # Small text weights: SDXL's empty negative prompt is all zeros, so guidance multiplies the whole text term.
    save(unet_conditioned(rng, 40, [("text_embeds", 24, 0.02), ("time_ids", 6, 1e-3)], text_scale=0.02), os.path.join(base, "unet", "model.onnx"))
    # SDXL's latents are scaled by 0.13025, so they leave the UNet larger: a smaller decoder keeps the pixels unsaturated.
    save(vae_decoder(rng, False, weight=0.1), os.path.join(base, "vae_decoder", "model.onnx"))
    save(vae_encoder(rng, False), os.path.join(base, "vae_encoder", "model.onnx"))
    tokenizer(os.path.join(base, "tokenizer"))
    tokenizer(os.path.join(base, "tokenizer_2"), pad="!")
    write_json(os.path.join(base, "vae_decoder", "config.json"), {"_class_name": "AutoencoderKL", "scaling_factor": 0.13025})
    write_json(os.path.join(base, "scheduler", "scheduler_config.json"),
               {"_class_name": "EulerDiscreteScheduler", "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear",
                "num_train_timesteps": 1000, "prediction_type": "epsilon", "timestep_spacing": "leading", "steps_offset": 1})
    # SDXL's family is told by its UNet's inputs; the tiny size keeps the tests fast (buckets scale to 128).
    write_json(os.path.join(base, "mjbot.json"), {"native_size": 128, "steps": 4})


def variant_folder(root, name, seed, scheduler, own, unet_extras=None):
    """An SD-shaped fp32 folder (32 wide, so mjbot.json names its family) with its own scheduler config."""
    rng = np.random.default_rng(seed)
    base = os.path.join(root, name)
    save(text_encoder(rng, TensorProto.INT32), os.path.join(base, "text_encoder", "model.onnx"))
    model = unet_conditioned(rng, HIDDEN, unet_extras) if unet_extras else unet(rng, 4, False, TensorProto.FLOAT, ["batch"])
    save(model, os.path.join(base, "unet", "model.onnx"))
    save(vae_decoder(rng, False), os.path.join(base, "vae_decoder", "model.onnx"))
    save(vae_encoder(rng, False), os.path.join(base, "vae_encoder", "model.onnx"))
    tokenizer(os.path.join(base, "tokenizer"), pad="!" if own.get("family") == "sd2" else "<|endoftext|>")
    write_json(os.path.join(base, "vae_decoder", "config.json"), {"_class_name": "AutoencoderKL", "scaling_factor": 0.18215})
    write_json(os.path.join(base, "scheduler", "scheduler_config.json"), scheduler)
    write_json(os.path.join(base, "mjbot.json"), own)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "tests/models"
    folder(root, "tiny-sd", 1, TensorProto.INT32, False, TensorProto.FLOAT, ["batch"], 4)
    folder(root, "tiny-sd-fp16", 2, TensorProto.INT64, True, TensorProto.INT64, [1], 4)
    folder(root, "tiny-sd-inpaint", 3, TensorProto.INT32, False, TensorProto.FLOAT, ["batch"], 9)
    sdxl_folder(root, "tiny-sdxl", 4)
    variant_folder(root, "tiny-sd2-v", 5,
                   {"_class_name": "DDIMScheduler", "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear",
                    "num_train_timesteps": 1000, "prediction_type": "v_prediction", "timestep_spacing": "leading", "steps_offset": 1},
                   {"family": "sd2", "native_size": 64, "steps": 6})
    variant_folder(root, "tiny-lcm", 6,
                   {"_class_name": "LCMScheduler", "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear",
                    "num_train_timesteps": 1000, "original_inference_steps": 50, "prediction_type": "epsilon", "timestep_spacing": "leading"},
                   {"family": "sd1", "native_size": 64},
                   unet_extras=[("timestep_cond", 16, 0.5)])
    print(f"tiny models written under {root}")


if __name__ == "__main__":
    main()
