"""Writes the small arithmetic ONNX graphs the model-loading tests use.

They follow the CLIP export contract (names, types, ranks) but compute something checkable by hand:
  image_embeds = per-channel mean of pixel_values                      -> [batch, 3]
  text_embeds  = [input_ids[:, 0], input_ids[:, 1], sum(attention_mask)] -> [batch, 3]
                 (without a mask input: input_ids[:, 0:3])
Run with Debian's python3 and python3-onnx: /usr/bin/python3 make_graphs.py
"""
import os
from onnx import TensorProto, checker, helper, save

HERE = os.path.dirname(os.path.abspath(__file__))
OPSET = [helper.make_opsetid("", 17)]
IMAGE, CONTEXT = 4, 77


def const(name, values):
    return helper.make_node("Constant", [], [name], value=helper.make_tensor(name, TensorProto.INT64, [len(values)], values))


def vision_nodes():
    return [helper.make_node("ReduceMean", ["pixel_values"], ["image_embeds"], axes=[2, 3], keepdims=0)]


def text_nodes(with_mask, width):
    if not with_mask:
        return [const("start", [0]), const("end", [width]), const("axis", [1]),
                helper.make_node("Slice", ["input_ids", "start", "end", "axis"], ["first"]),
                helper.make_node("Cast", ["first"], ["text_embeds"], to=TensorProto.FLOAT)]
    return [const("start", [0]), const("end", [2]), const("axis", [1]),
            helper.make_node("Slice", ["input_ids", "start", "end", "axis"], ["first"]),
            helper.make_node("ReduceSum", ["attention_mask", "axis"], ["length"], keepdims=1),
            helper.make_node("Concat", ["first", "length"], ["joined"], axis=1),
            helper.make_node("Cast", ["joined"], ["text_embeds"], to=TensorProto.FLOAT)]


def tensor(name, kind, shape):
    return helper.make_tensor_value_info(name, kind, shape)


PIXELS = tensor("pixel_values", TensorProto.FLOAT, ["batch", 3, IMAGE, IMAGE])
IDS = tensor("input_ids", TensorProto.INT64, ["texts", CONTEXT])
MASK = tensor("attention_mask", TensorProto.INT64, ["texts", CONTEXT])


def write(name, nodes, inputs, outputs):
    model = helper.make_model(helper.make_graph(nodes, name, inputs, outputs), opset_imports=OPSET,
                              producer_name="clip-tests")
    model.ir_version = 8
    checker.check_model(model)
    save(model, os.path.join(HERE, name + ".onnx"))


write("vision_model", vision_nodes(), [PIXELS], [tensor("image_embeds", TensorProto.FLOAT, ["batch", 3])])
write("text_model", text_nodes(True, 3), [IDS, MASK], [tensor("text_embeds", TensorProto.FLOAT, ["texts", 3])])
write("text_model_no_mask", text_nodes(False, 3), [IDS], [tensor("text_embeds", TensorProto.FLOAT, ["texts", 3])])
write("text_model_dim7", text_nodes(False, 7), [IDS], [tensor("text_embeds", TensorProto.FLOAT, ["texts", 7])])
write("model", vision_nodes() + text_nodes(True, 3), [PIXELS, IDS, MASK],
      [tensor("image_embeds", TensorProto.FLOAT, ["batch", 3]), tensor("text_embeds", TensorProto.FLOAT, ["texts", 3])])
