module.exports = {
  displayName: 'classify',
  preset: '../../jest.preset.js',
};
