// The resource the gate holds back: records when the engine created it.
const pulumi = require("@pulumi/pulumi");

const provider = {
  async create(inputs) {
    return { id: `dependent-${inputs.label}`, outs: { ...inputs, createdAt: new Date().toISOString() } };
  },
  async update(_id, olds, news) {
    return { outs: { ...news, createdAt: olds.createdAt } };
  },
};

class Dependent extends pulumi.dynamic.Resource {
  constructor(name, args, opts) {
    super(provider, name, { ...args, createdAt: undefined }, opts, "e2e", "Dependent");
  }
}
module.exports = { Dependent };
