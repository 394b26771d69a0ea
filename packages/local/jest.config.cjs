module.exports = {
  displayName: 'local',
  preset: '../../jest.preset.js',
  testEnvironment: '<rootDir>/../../tools/testing/native-addon-environment.cjs',
};
